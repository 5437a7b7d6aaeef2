package dev.helpdesk.core.internal.feedback;

import dev.helpdesk.core.feedback.FeedbackDesk;
import dev.helpdesk.core.feedback.FeedbackSettings;
import dev.helpdesk.core.feedback.SurveyInvitation;
import dev.helpdesk.core.internal.notice.Notices;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.plugin.EventListener;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.RecordedEvent;
import dev.helpdesk.spi.ticket.TicketEvent;
import dev.helpdesk.spi.ticket.TicketStore;
import io.vavr.control.Either;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's own event listener that sends a satisfaction survey when a ticket is solved, for the
 * tenants {@link FeedbackSettings#surveyOnSolve()} names: it runs after the commit (from the
 * outbox on a store that has one, so at least once), hands out a survey for the solved cycle and
 * sends the link to the requester. A ticket reopened before the listener ran gets no survey.
 */
public final class SurveyOnSolve implements EventListener {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyOnSolve.class);
    private static final Actor SURVEYOR = Actor.system("survey-on-solve");

    private final FeedbackSettings settings;
    private final Function<TenantId, FeedbackDesk> desks;
    private final TicketStore store;
    private final Notices notices;

    /**
     * The listener.
     *
     * @param settings the desk's feedback settings
     * @param desks    each tenant's feedback desk
     * @param store    the desk's store
     * @param notices  the desk's notices
     */
    public SurveyOnSolve(FeedbackSettings settings, Function<TenantId, FeedbackDesk> desks, TicketStore store, Notices notices) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.desks = Objects.requireNonNull(desks, "desks");
        this.store = Objects.requireNonNull(store, "store");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    @Override
    public String name() {
        return "survey-on-solve";
    }

    @Override
    public void on(RecordedEvent event) {
        if (!(event.event() instanceof TicketEvent.Solved solved) || !settings.surveyOnSolve().contains(event.tenant())) {
            return;
        }
        Either<Rejection, SurveyInvitation> survey = desks.apply(event.tenant()).survey(solved.ticketId(), SURVEYOR);
        if (survey.isLeft()) {
            // reopened (or gone) since: nothing to rate now
            LOG.debug("no survey for ticket {}: {}", solved.ticketId(), survey.getLeft().message());
            return;
        }
        store.find(event.tenant(), solved.ticketId()).forEach(t -> notices.survey(event.tenant(), t, event.version(),
                settings.surveyLink().orElseThrow().replace("{token}", URLEncoder.encode(survey.get().token(), StandardCharsets.UTF_8)),
                survey.get().expiresAt(), solved.at()));
    }
}
