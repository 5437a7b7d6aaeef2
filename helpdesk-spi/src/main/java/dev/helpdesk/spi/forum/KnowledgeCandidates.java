package dev.helpdesk.spi.forum;

import java.util.List;

/**
 * Where accepted forum answers go as candidate knowledge-base articles: the knowledge base
 * implements it (drafting an article for review, say). The desk ships an in-memory inbox.
 */
public interface KnowledgeCandidates {

    /**
     * Takes a candidate. Offered once per accepted answer.
     *
     * @param candidate the candidate
     */
    void offer(KnowledgeCandidate candidate);

    /**
     * The candidates offered so far, oldest first, for an implementation that keeps them.
     *
     * @return the candidates; empty for one that hands them on
     */
    default List<KnowledgeCandidate> offered() {
        return List.of();
    }
}
