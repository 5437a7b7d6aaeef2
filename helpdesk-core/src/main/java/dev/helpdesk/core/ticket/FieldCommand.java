package dev.helpdesk.core.ticket;

import dev.helpdesk.core.visit.VisitPolicy;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.remote.ConsentId;
import dev.helpdesk.spi.remote.ConsentRoute;
import dev.helpdesk.spi.remote.ConsentScope;
import dev.helpdesk.spi.remote.RemoteSessionId;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.visit.Address;
import dev.helpdesk.spi.visit.VisitId;
import dev.helpdesk.spi.visit.VisitSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The commands of remote sessions with consent and of on-site visits. Like every command they
 * carry input as given (any part may be null) and are decided by {@link TicketDecider}, which
 * answers bad input with a {@link dev.helpdesk.spi.rejection.Rejection} naming the problem. The
 * ids are handed out by the desk ({@link dev.helpdesk.core.RemoteDesk},
 * {@link dev.helpdesk.core.VisitDesk}).
 */
public sealed interface FieldCommand extends TicketCommand.FieldWork {

    /**
     * An agent asks the customer for consent to a remote session.
     *
     * @param consent       the new request's id
     * @param purpose       why: one line, 1 to 200 characters
     * @param scope         view only or control: required
     * @param duration      how long a grant lasts: 1 minute to 8 hours
     * @param linkExpiresAt until when the request may be answered: after now
     */
    record RequestConsent(ConsentId consent, String purpose, ConsentScope scope, Duration duration,
                          Instant linkExpiresAt) implements FieldCommand {
        @Override
        public String name() {
            return "request consent";
        }
    }

    /**
     * The customer grants or denies a consent request, by link or in the portal. Only the
     * ticket's requester answers, once, before the request expires.
     *
     * @param consent the request
     * @param grant   true to grant, false to deny
     * @param route   by link or in the portal: required
     */
    record AnswerConsent(ConsentId consent, boolean grant, ConsentRoute route) implements FieldCommand {
        @Override
        public String name() {
            return grant ? "grant consent" : "deny consent";
        }
    }

    /**
     * The customer takes a granted consent back; a session running on it ends.
     *
     * @param consent the consent
     */
    record RevokeConsent(ConsentId consent) implements FieldCommand {
        @Override
        public String name() {
            return "revoke consent";
        }
    }

    /**
     * The acting agent starts a remote session on an active consent.
     *
     * @param session the new session's id
     * @param consent the consent it runs on
     * @param tool    the host's remote tool: a label
     */
    record StartSession(RemoteSessionId session, ConsentId consent, String tool) implements FieldCommand {
        @Override
        public String name() {
            return "start remote session";
        }
    }

    /**
     * The session's agent records what was done.
     *
     * @param session the running session
     * @param action  what was done: one line, 1 to 500 characters
     */
    record RecordAction(RemoteSessionId session, String action) implements FieldCommand {
        @Override
        public String name() {
            return "record remote action";
        }
    }

    /**
     * An agent ends a running session.
     *
     * @param session the session
     */
    record EndSession(RemoteSessionId session) implements FieldCommand {
        @Override
        public String name() {
            return "end remote session";
        }
    }

    /**
     * An agent plans an on-site visit. {@link dev.helpdesk.core.VisitDesk#plan} fills the
     * technician's profile from the host's directory and the desk's target, longest slot and
     * policy; a host that sends this command itself through
     * {@link dev.helpdesk.core.TicketDesk#execute} vouches for those parts.
     *
     * @param visit       the new visit's id
     * @param technician  the technician: required
     * @param profile     the technician as the host's agent directory knows them; empty when
     *                    unknown (rejected)
     * @param skill       the skill the visit needs, a label, or null for none
     * @param region      the region of the address, a label, or null for none; a technician
     *                    covers a region when their skills hold {@code region:<region>}
     * @param address     where: every part but the notes required
     * @param slot        when: end after start, at most the desk's longest slot
     * @param longestSlot the desk's longest slot
     * @param dueBy       the visit's SLA target, computed by the desk
     * @param policy      the desk's visit policy
     */
    record PlanVisit(VisitId visit, AgentId technician, Optional<AgentProfile> profile, String skill, String region,
                     Address address, VisitSlot slot, Duration longestSlot, Instant dueBy, VisitPolicy policy)
            implements FieldCommand {
        @Override
        public String name() {
            return "plan visit";
        }
    }

    /**
     * The customer, or an agent on their word, confirms a visit's slot.
     *
     * @param visit the visit
     */
    record ConfirmVisit(VisitId visit) implements FieldCommand {
        @Override
        public String name() {
            return "confirm visit";
        }
    }

    /**
     * An agent moves a visit to another slot; the customer is told.
     *
     * @param visit       the visit
     * @param slot        the new slot
     * @param longestSlot the desk's longest slot
     * @param reason      why: one line
     */
    record RescheduleVisit(VisitId visit, VisitSlot slot, Duration longestSlot, String reason) implements FieldCommand {
        @Override
        public String name() {
            return "reschedule visit";
        }
    }

    /**
     * An agent (or the customer) calls a visit off; the customer is told.
     *
     * @param visit  the visit
     * @param reason why: one line
     */
    record CancelVisit(VisitId visit, String reason) implements FieldCommand {
        @Override
        public String name() {
            return "cancel visit";
        }
    }

    /**
     * An agent records that the visit took place, with its report.
     *
     * @param visit  the visit
     * @param report the visit report: required, at most 64 KiB
     */
    record CompleteVisit(VisitId visit, String report) implements FieldCommand {
        @Override
        public String name() {
            return "complete visit";
        }
    }
}
