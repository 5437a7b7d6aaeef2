package dev.helpdesk.core;

import dev.helpdesk.core.internal.knowledge.KnowledgeBase;
import dev.helpdesk.core.knowledge.ArticleForm;
import dev.helpdesk.core.knowledge.ArticleView;
import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleFeedback;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleOrigin;
import dev.helpdesk.spi.knowledge.ArticleStats;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.knowledge.Viewer;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketId;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's knowledge base: articles, FAQ entries and tutorials in several languages.
 *
 * <p><b>Writing</b> (agents, rules and integrations; a customer gets
 * {@link Rejection.NotAllowed}). {@link #write} makes a draft (version 1); {@link #edit} adds a
 * version, {@link #publish} makes the newest version the one readers see, {@link #archive} takes
 * the article from readers and search. Readers go on seeing the published version while the
 * next is drafted. Each change names the {@link Article#revision() revision} it was made from;
 * another change in between answers {@link Rejection.ConcurrentModification} and writes
 * nothing. A form's bad fields come back as one {@link Rejection.Invalid} naming each
 * ({@code variants[1].locale}, {@code category}, ...). After each saved change the installed
 * {@link dev.helpdesk.spi.knowledge.KnowledgeSearch} indexes the article; {@link #rebuildIndex}
 * rebuilds the index from the store.
 *
 * <p><b>Reading</b>. {@link #read} shows a published article the {@link Viewer} may read, in
 * the first language of the reader's locale and the tenant's fallbacks that it has, its
 * Markdown rendered to safe HTML; anything else (draft, archived, hidden, not in a language the
 * reader reads, another tenant's) is "not found". {@link #search} and {@link #suggest} find
 * articles through the search plugin; a reader's text is words, never a query language.
 *
 * <p><b>Self-service</b>. {@link #solvedMyProblem} records a deflection (and, given the
 * customer's not yet solved ticket, closes it as self-served), {@link #vote} a helpful or
 * not-helpful vote with an optional comment. On the agents' side, {@link #linkToTicket}
 * records on a ticket (through the ticket decider) that an article was pointed to in a reply,
 * and {@link #solveWith} solves a ticket with an article; {@link #stats} counts all of these
 * per article. The counts are recorded after the ticket's commit.
 */
public final class KnowledgeDesk {
    private final KnowledgeBase base;
    private final TicketDesk tickets;
    private final TenantId tenant;

    KnowledgeDesk(KnowledgeBase base, TicketDesk tickets, TenantId tenant) {
        this.base = base;
        this.tickets = tickets;
        this.tenant = tenant;
    }

    /**
     * Writes a new article as a draft from an editor's form.
     *
     * @param form   the form
     * @param author who writes it
     * @return the article (version 1, revision 1), or the form's problems, or not allowed
     */
    public Either<Rejection, Article> write(ArticleForm form, Actor author) {
        return base.write(tenant, form, author);
    }

    /**
     * Writes a new article as a draft from content the host's code built (with media entries
     * and attachments).
     *
     * @param content the content
     * @param note    what the version is about, if anything
     * @param author  who writes it
     * @return the article, or {@link Rejection.Invalid} for a category the desk does not know
     */
    public Either<Rejection, Article> write(ArticleContent content, Optional<String> note, Actor author) {
        return base.write(tenant, content, note, author);
    }

    /**
     * Drafts an article from a source (a forum answer marked as a candidate, a problem's known
     * error, a solved ticket), once: when an article was drafted from that source already, that
     * article is answered and nothing is written.
     *
     * @param origin the source
     * @param form   the draft's text
     * @param author who drafts it, such as the integration that saw the source
     * @return the article drafted from the source
     */
    public Either<Rejection, Article> draftFrom(ArticleOrigin origin, ArticleForm form, Actor author) {
        return base.draftFrom(tenant, origin, form, author);
    }

    /**
     * Adds a version from an editor's form.
     *
     * @param id       the article
     * @param revision the revision the editor read
     * @param form     the new text
     * @param author   who edits
     * @return the article with the new version; not found; concurrent modification; invalid;
     *         an invalid transition for an archived article
     */
    public Either<Rejection, Article> edit(ArticleId id, long revision, ArticleForm form, Actor author) {
        return base.edit(tenant, id, revision, form, author);
    }

    /**
     * Adds a version from content the host's code built.
     *
     * @param id       the article
     * @param revision the revision the editor read
     * @param content  the new content
     * @param note     the change note, if any
     * @param author   who edits
     * @return the article with the new version, or why not
     */
    public Either<Rejection, Article> edit(ArticleId id, long revision, ArticleContent content, Optional<String> note,
                                           Actor author) {
        return base.edit(tenant, id, revision, content, note, author);
    }

    /**
     * Publishes the newest version: readers see it from now on.
     *
     * @param id       the article
     * @param revision the revision the editor read
     * @param author   who publishes
     * @return the article; an invalid transition when the newest version is published already
     *         or the article is archived
     */
    public Either<Rejection, Article> publish(ArticleId id, long revision, Actor author) {
        return base.publish(tenant, id, revision, author);
    }

    /**
     * Archives an article: readers and search no longer find it; its versions stay.
     *
     * @param id       the article
     * @param revision the revision the editor read
     * @param author   who archives
     * @return the article; an invalid transition when it is archived already
     */
    public Either<Rejection, Article> archive(ArticleId id, long revision, Actor author) {
        return base.archive(tenant, id, revision, author);
    }

    /**
     * An article with every version, for agents.
     *
     * @param id    the article
     * @param actor who reads; not a customer
     * @return the article, not found, or not allowed
     */
    public Either<Rejection, Article> article(ArticleId id, Actor actor) {
        return base.article(tenant, id, actor);
    }

    /**
     * A published article as a reader sees it.
     *
     * @param id     the article
     * @param viewer who reads
     * @param locale the reader's language, a BCP 47 tag as typed or sent by a browser
     * @return the article in the reader's language or the tenant's fallback; not found; or
     *         {@link Rejection.Invalid} naming {@code locale}
     */
    public Either<Rejection, ArticleView> read(ArticleId id, Viewer viewer, String locale) {
        return base.read(tenant, id, viewer, locale);
    }

    /**
     * Searches the published articles a viewer may read.
     *
     * @param text   what the reader typed (words only, 1 to 500 characters)
     * @param viewer who searches
     * @param locale the reader's language
     * @param limit  the most hits, 1 to 100
     * @return the hits, best first; {@link Rejection.Invalid} naming {@code query},
     *         {@code locale} or {@code limit}; not allowed when no search plugin is installed
     */
    public Either<Rejection, List<SearchHit>> search(String text, Viewer viewer, String locale, int limit) {
        return base.search(tenant, text, viewer, locale, limit);
    }

    /**
     * Suggests articles while a customer writes a ticket: its subject and body (their first
     * 500 characters) are searched in the customer's language and the tenant's fallbacks. A
     * subject and body with nothing to search for suggest nothing.
     *
     * @param subject the subject so far, may be null
     * @param body    the body so far, may be null
     * @param viewer  who writes
     * @param locale  the customer's language
     * @param limit   the most suggestions, 1 to 100
     * @return the suggestions, best first
     */
    public Either<Rejection, List<SearchHit>> suggest(String subject, String body, Viewer viewer, String locale, int limit) {
        return base.suggest(tenant, subject, body, viewer, locale, limit);
    }

    /**
     * Records "this solved my problem": a ticket that was not needed.
     *
     * @param id     the article that solved it
     * @param viewer who read it (the article must be published and visible to them)
     * @param reader who says so
     * @return the article's counts now; not found when the reader cannot see the article
     */
    public Either<Rejection, ArticleStats> solvedMyProblem(ArticleId id, Viewer viewer, Actor reader) {
        return base.deflect(tenant, id, viewer, reader, Optional.empty());
    }

    /**
     * Records a helpful or not-helpful vote.
     *
     * @param id      the article
     * @param viewer  who read it
     * @param reader  who votes
     * @param helpful true for helpful
     * @param comment what the reader adds, may be null; at most 4,000 bytes
     * @return the article's counts now; not found; invalid naming {@code comment}
     */
    public Either<Rejection, ArticleStats> vote(ArticleId id, Viewer viewer, Actor reader, boolean helpful, String comment) {
        return base.vote(tenant, id, viewer, reader, helpful, comment);
    }

    /**
     * What readers and agents said about an article, counted.
     *
     * @param id    the article
     * @param actor who asks; not a customer
     * @return the counts
     */
    public Either<Rejection, ArticleStats> stats(ArticleId id, Actor actor) {
        return base.stats(tenant, id, actor);
    }

    /**
     * The latest feedback on an article, newest first, with readers' comments.
     *
     * @param id    the article
     * @param actor who asks; not a customer
     * @param limit the most to answer, 1 to 500
     * @return the feedback
     */
    public Either<Rejection, List<ArticleFeedback>> feedback(ArticleId id, Actor actor, int limit) {
        return base.latestFeedback(tenant, id, actor, limit);
    }

    /**
     * Rebuilds the search index of this tenant from the store, reading it a page at a time.
     *
     * @return how many articles the index holds for the tenant; 0 without a search plugin
     */
    public long rebuildIndex() {
        return base.rebuildIndex(tenant);
    }

    /**
     * Records "this solved my problem" for the customer's own ticket, which is closed as
     * self-served with the article linked (one command through the ticket decider: the
     * requester only, on a ticket not yet solved, closed or merged), and counts a deflection.
     *
     * @param id     the article that solved it
     * @param viewer the customer as a reader (the article must be visible to them)
     * @param reader the customer, the ticket's requester
     * @param ticket the ticket they had started
     * @return the ticket, closed; or why not (nothing is counted then)
     */
    public Either<Rejection, Ticket> solvedMyProblem(ArticleId id, Viewer viewer, Actor reader, TicketId ticket) {
        return base.readable(tenant, id, viewer)
                .flatMap(a -> tickets.execute(ticket, new TicketCommand.SelfServe(id.value()), reader))
                .flatMap(t -> base.deflect(tenant, id, viewer, reader, Optional.of(t.id())).map(stats -> t));
    }

    /**
     * Records on a ticket that an agent pointed the customer to an article (beside the reply
     * that carries its link), through the ticket decider, and counts the link for the article.
     *
     * @param ticket the ticket
     * @param id     the article
     * @param agent  who linked it; staff only
     * @return the ticket; not found (ticket or article); not allowed; an invalid transition on
     *         a closed or merged ticket
     */
    public Either<Rejection, Ticket> linkToTicket(TicketId ticket, ArticleId id, Actor agent) {
        return base.article(tenant, id, agent)
                .flatMap(a -> tickets.execute(ticket, new TicketCommand.LinkArticle(id.value(), false), agent))
                .flatMap(t -> base.recordForTicket(tenant, id, ArticleFeedback.Kind.LINKED, agent, t.id()).map(s -> t));
    }

    /**
     * Solves a ticket with an article: the link and the solve are one commit, and the ticket
     * counts for the article.
     *
     * @param ticket the ticket, assigned (as any solve requires)
     * @param id     the article
     * @param agent  who solves it
     * @return the solved ticket, or why not
     */
    public Either<Rejection, Ticket> solveWith(TicketId ticket, ArticleId id, Actor agent) {
        return base.article(tenant, id, agent)
                .flatMap(a -> tickets.execute(ticket, new TicketCommand.LinkArticle(id.value(), true), agent))
                .flatMap(t -> base.recordForTicket(tenant, id, ArticleFeedback.Kind.SOLVED_TICKET, agent, t.id()).map(s -> t));
    }
}
