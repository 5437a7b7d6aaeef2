package dev.helpdesk.core;

import static dev.helpdesk.core.Fixture.ACME;
import static dev.helpdesk.core.Fixture.ANA;
import static dev.helpdesk.core.Fixture.CAROL;
import static dev.helpdesk.core.Fixture.DAVE;
import static dev.helpdesk.core.Fixture.ok;
import static dev.helpdesk.core.Fixture.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.forum.ForumSettings;
import dev.helpdesk.core.forum.InMemoryKnowledgeCandidates;
import dev.helpdesk.core.forum.PostReport;
import dev.helpdesk.spi.forum.ForumPost;
import dev.helpdesk.spi.forum.KnowledgeCandidate;
import dev.helpdesk.spi.forum.PostId;
import dev.helpdesk.spi.forum.PostStatus;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.CustomerId;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.PageRequest;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.TicketQuery;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forum: unanswered posts are picked up, answers published back, accepted ones offered to knowledge. */
class ForumDeskTest {
    private static final Actor FORUM = Actor.integration("forum");
    private final InMemoryKnowledgeCandidates candidates = new InMemoryKnowledgeCandidates();
    private final List<String> published = new ArrayList<>();
    private final Fixture f = new Fixture(b -> b.forum(ForumSettings.builder().pickUpAfter(Duration.ofHours(4))
            .candidates(candidates).publisher((tenant, post, answer, agent) -> {
                published.add(post + " by " + agent + ": " + answer);
                return Either.right(post);
            }).build()));
    private final ForumDesk forum = f.desk.tenant(ACME).forum();

    private ForumPost posted(String id, Duration ago) {
        return ok(forum.report(new PostReport(id, "carol", "Export to CSV loses accents",
                "Names like Zoë come out as Zo?.", f.clock.instant().minus(ago)), FORUM));
    }

    private int tickets() {
        return ok(f.acme.list(TicketQuery.all(), PageRequest.first(100), ANA)).items().size();
    }

    @Test
    void a_post_unanswered_past_the_configured_time_becomes_a_ticket_linked_to_it() {
        ForumPost post = posted("t-881", Duration.ofHours(3));
        assertEquals(List.of(), forum.sweep(), "not yet");
        f.clock.advance(Duration.ofHours(1).plusSeconds(1));

        List<ForumPost> picked = forum.sweep();

        assertEquals(1, picked.size());
        ForumPost now = ok(forum.get(post.id()));
        assertEquals(PostStatus.PICKED_UP, now.status());
        Ticket t = ok(f.acme.get(now.ticket().orElseThrow(), ANA));
        assertEquals(Channel.COMMUNITY_FORUM, t.channel());
        assertEquals(CustomerId.of("carol"), t.requester());
        assertTrue(t.messages().get(0).body().contains("t-881"));
        assertEquals(List.of(), forum.sweep(), "picked up once");
        assertEquals(1, tickets());
    }

    @Test
    void a_post_the_community_answered_is_never_picked_up() {
        ForumPost post = posted("t-882", Duration.ofHours(1));
        ok(forum.communityAnswered(post.id()));
        f.clock.advance(Duration.ofDays(2));

        assertEquals(List.of(), forum.sweep());
        assertEquals(0, tickets());
    }

    @Test
    void an_agents_answer_is_published_back_posted_on_the_ticket_and_when_accepted_offered_as_a_candidate_article() {
        ForumPost post = posted("t-883", Duration.ofHours(5));
        forum.sweep();

        ForumPost answered = ok(forum.answer(post.id(), "Open the export with UTF-8 encoding.", ANA));
        ForumPost accepted = ok(forum.accept(post.id(), CAROL));

        assertEquals(PostStatus.ANSWERED, answered.status());
        assertEquals(List.of("t-883 by ana: Open the export with UTF-8 encoding."), published);
        Ticket t = ok(f.acme.get(answered.ticket().orElseThrow(), CAROL));
        assertTrue(t.messages().stream().anyMatch(m -> m.body().equals("Open the export with UTF-8 encoding.")));
        assertEquals(PostStatus.ACCEPTED, accepted.status());
        KnowledgeCandidate candidate = candidates.offered().get(0);
        assertEquals(PostId.of("t-883"), candidate.post());
        assertEquals("Export to CSV loses accents", candidate.question());
        assertEquals("Open the export with UTF-8 encoding.", candidate.answer());
        assertEquals(answered.ticket(), candidate.ticket());
    }

    @Test
    void bad_input_is_refused_naming_the_problem_and_changes_nothing() {
        Rejection.Invalid r = assertInstanceOf(Rejection.Invalid.class, rejected(forum.report(
                new PostReport("", null, " ", null, f.clock.instant().plusSeconds(60)), FORUM)));
        for (String field : List.of("post id", "author", "title", "body", "postedAt")) {
            assertTrue(r.names(field), field + " in " + r.message());
        }
        ForumPost post = posted("t-884", Duration.ZERO);
        assertTrue(assertInstanceOf(Rejection.Invalid.class, rejected(forum.report(new PostReport("t-884", "carol", "Again",
                "Again", f.clock.instant()), FORUM))).names("post id"));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(forum.accept(post.id(), CAROL)), "nobody answered");
        ok(forum.answer(post.id(), "Try again", ANA));
        assertInstanceOf(Rejection.InvalidTransition.class, rejected(forum.answer(post.id(), "Twice", ANA)));
        assertInstanceOf(Rejection.NotAllowed.class, rejected(forum.accept(post.id(), DAVE)), "not the author");
        assertInstanceOf(Rejection.NotFound.class, rejected(forum.get(PostId.of("nope"))));
        assertEquals(PostStatus.ANSWERED, ok(forum.get(post.id())).status());
        assertEquals(List.of(), candidates.offered());
    }

    @Test
    void an_accepted_answer_becomes_a_draft_article_with_the_post_as_origin_unless_switched_off() {
        dev.helpdesk.core.knowledge.InMemoryKnowledgeStore articles = new dev.helpdesk.core.knowledge.InMemoryKnowledgeStore();
        Fixture g = new Fixture(b -> b.knowledgeStore(articles).forum(ForumSettings.builder().pickUpAfter(Duration.ofHours(4))
                .build()));
        ForumDesk desk = g.desk.tenant(ACME).forum();
        ForumPost post = ok(desk.report(new PostReport("t-900", "carol", "Export to CSV loses accents",
                "Names like Zoë come out as Zo?.", g.clock.instant().minus(Duration.ofHours(5))), FORUM));
        desk.sweep();
        ok(desk.answer(post.id(), "Open the export with UTF-8 encoding.", ANA));

        ok(desk.accept(post.id(), CAROL));

        dev.helpdesk.spi.knowledge.ArticleOrigin origin = dev.helpdesk.spi.knowledge.ArticleOrigin.of(
                dev.helpdesk.spi.knowledge.ArticleOrigin.Kind.FORUM_ANSWER, post.id().toString());
        List<dev.helpdesk.spi.knowledge.Article> drafts = articles.byOrigin(ACME, origin);
        assertEquals(1, drafts.size());
        dev.helpdesk.spi.knowledge.Article draft = drafts.get(0);
        assertEquals(dev.helpdesk.spi.knowledge.ArticleStatus.DRAFT, draft.status());
        dev.helpdesk.spi.knowledge.ArticleContent content = draft.latest().content();
        assertEquals(dev.helpdesk.spi.knowledge.ArticleKind.FAQ, content.kind());
        assertEquals(java.util.Optional.of(origin), content.origin());
        assertEquals("Export to CSV loses accents", content.variants().get(0).title());
        assertTrue(content.variants().get(0).body().contains("Open the export with UTF-8 encoding."));
        assertEquals(Actor.integration("community-forum"), draft.latest().author());

        // switched off: the candidate is offered, no draft is written
        dev.helpdesk.core.knowledge.InMemoryKnowledgeStore none = new dev.helpdesk.core.knowledge.InMemoryKnowledgeStore();
        InMemoryKnowledgeCandidates offered = new InMemoryKnowledgeCandidates();
        Fixture h = new Fixture(b -> b.knowledgeStore(none).forum(ForumSettings.builder().pickUpAfter(Duration.ofHours(4))
                .candidates(offered).draftArticles(false).build()));
        ForumDesk off = h.desk.tenant(ACME).forum();
        ForumPost other = ok(off.report(new PostReport("t-901", "carol", "Export to CSV loses accents",
                "Names like Zoë come out as Zo?.", h.clock.instant().minus(Duration.ofHours(5))), FORUM));
        off.sweep();
        ok(off.answer(other.id(), "Open the export with UTF-8 encoding.", ANA));
        ok(off.accept(other.id(), CAROL));
        assertEquals(1, offered.offered().size());
        assertEquals(List.of(), none.byOrigin(ACME, dev.helpdesk.spi.knowledge.ArticleOrigin.of(
                dev.helpdesk.spi.knowledge.ArticleOrigin.Kind.FORUM_ANSWER, other.id().toString())));
    }
}
