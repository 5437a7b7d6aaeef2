package dev.helpdesk.spi.rejection;

import java.util.List;
import java.util.Objects;

/**
 * Why a command was not carried out. A rejection is a value, returned on the left of an
 * {@code Either}; nothing was written when a command is rejected.
 *
 * <p>The kinds are closed: a host can switch over them exhaustively and map each to its own
 * error response (for instance 404, 403, 409, 422).
 */
public sealed interface Rejection {

    /**
     * A sentence for a log or an operator.
     *
     * @return what was rejected and why
     */
    String message();

    /**
     * The thing named does not exist for this tenant. Another tenant's id gives the same
     * answer as an id that exists nowhere, so a tenant cannot probe for another's data.
     *
     * @param what the kind of thing, such as {@code ticket}
     * @param id   the id as given
     */
    record NotFound(String what, String id) implements Rejection {
        /**
         * Checks both parts are present.
         *
         * @param what the kind of thing, such as {@code ticket}
         * @param id the id as given
         */
        public NotFound {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String message() {
            return what + " " + id + " not found";
        }
    }

    /**
     * The actor may not do this (a customer adding an internal note, an agent-only change
     * asked by a customer, a customer acting on another customer's ticket).
     *
     * @param reason why not
     */
    record NotAllowed(String reason) implements Rejection {
        /**
         * Checks the reason is present.
         *
         * @param reason why not
         */
        public NotAllowed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "not allowed: " + reason;
        }
    }

    /**
     * The command does not apply to the ticket in its current status (solving a ticket
     * without an assignee, replying to a merged ticket).
     *
     * @param command the command's name, such as {@code solve}
     * @param status  the ticket's status when the command arrived
     * @param reason  why the transition is not possible
     */
    record InvalidTransition(String command, String status, String reason) implements Rejection {
        /**
         * Checks all parts are present.
         *
         * @param command the command's name, such as {@code solve}
         * @param status the ticket's status when the command arrived
         * @param reason why the transition is not possible
         */
        public InvalidTransition {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return "cannot " + command + " a ticket in status " + status + ": " + reason;
        }
    }

    /**
     * The input is malformed. Lists every offending field at once, so a form can show all
     * problems together.
     *
     * @param errors the problems, never empty
     */
    record Invalid(List<FieldError> errors) implements Rejection {
        /**
         * Checks there is at least one error and freezes the list.
         *
         * @param errors the problems, never empty
         */
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an Invalid rejection names at least one field");
            }
        }

        /**
         * The rejection for one field.
         *
         * @param field   the field
         * @param problem the problem
         * @return the rejection
         */
        public static Invalid of(String field, String problem) {
            return new Invalid(List.of(new FieldError(field, problem)));
        }

        /**
         * Tells whether a field is among the errors.
         *
         * @param field a field name
         * @return true when that field has a problem
         */
        public boolean names(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        @Override
        public String message() {
            return "invalid input: " + String.join("; ", errors.stream().map(FieldError::toString).toList());
        }
    }

    /**
     * Someone else changed the ticket since the caller read it: the caller's version is
     * stale. Nothing was overwritten; reload and retry.
     *
     * @param what     the kind of thing, such as {@code ticket}
     * @param id       its id
     * @param expected the version the caller based its change on
     * @param actual   the version found in the store
     */
    record ConcurrentModification(String what, String id, long expected, long actual) implements Rejection {
        /**
         * Checks the parts are present.
         *
         * @param what the kind of thing, such as {@code ticket}
         * @param id its id
         * @param expected the version the caller based its change on
         * @param actual the version found in the store
         */
        public ConcurrentModification {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String message() {
            return what + " " + id + " was changed concurrently (expected version " + expected
                    + ", found " + actual + ")";
        }
    }

    /**
     * The agent a command would give the ticket to has no free seat: they already hold as many
     * unsolved tickets on the ticket's channel as their capacity allows. Counted atomically with
     * the commit, so it also answers a race for an agent's last seat; the desk then routes the
     * ticket again.
     *
     * @param agent    the agent, as given
     * @param channel  the channel whose capacity is full
     * @param capacity the agent's capacity on it
     */
    record NoCapacity(String agent, String channel, int capacity) implements Rejection {
        /**
         * Checks the parts are present.
         *
         * @param agent the agent, as given
         * @param channel the channel whose capacity is full
         * @param capacity the agent's capacity on it
         */
        public NoCapacity {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public String message() {
            return "agent " + agent + " has no free seat on " + channel + " (capacity " + capacity + ")";
        }
    }
}
