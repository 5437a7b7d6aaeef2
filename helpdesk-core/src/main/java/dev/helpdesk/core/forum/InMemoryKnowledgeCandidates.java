package dev.helpdesk.core.forum;

import dev.helpdesk.spi.forum.KnowledgeCandidate;
import dev.helpdesk.spi.forum.KnowledgeCandidates;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Candidate articles kept in memory, in the order offered. Thread-safe. */
public final class InMemoryKnowledgeCandidates implements KnowledgeCandidates {
    private final List<KnowledgeCandidate> offered = new CopyOnWriteArrayList<>();

    /** Makes an empty inbox. */
    public InMemoryKnowledgeCandidates() {
    }

    @Override
    public void offer(KnowledgeCandidate candidate) {
        offered.add(candidate);
    }

    @Override
    public List<KnowledgeCandidate> offered() {
        return List.copyOf(offered);
    }
}
