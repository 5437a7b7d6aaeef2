package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.Labels;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * How the desk routes the tickets of one group: by which strategy, and when. Made with
 * {@link #automatic} or {@link #builder()}, whose {@link Builder#build()} throws
 * {@link dev.helpdesk.spi.ConfigurationException} naming every bad field.
 */
@Value.Immutable
public abstract class GroupRouting {

    GroupRouting() {
    }

    /**
     * The group.
     *
     * @return the group's id
     */
    public abstract GroupId group();

    /**
     * The routing strategy's name: {@code round-robin}, {@code least-loaded}, {@code skills},
     * or a plugin's.
     *
     * @return the name, a label
     */
    public abstract String strategy();

    /**
     * Whether a ticket opened into the group without an assignee is routed at once.
     *
     * @return true unless set otherwise
     */
    @Value.Default
    public boolean assignOnOpen() {
        return true;
    }

    /**
     * Whether a ticket is routed again when an escalation rule moved it to this group or raised
     * its tier and its assignee no longer fits.
     *
     * @return true unless set otherwise
     */
    @Value.Default
    public boolean assignAfterEscalation() {
        return true;
    }

    @Value.Check
    void check() {
        String problem = Labels.problem(strategy());
        if (problem != null) {
            Configured.check("routing of group \"" + group() + "\"", List.of(new FieldError("strategy", problem)));
        }
    }

    /**
     * A group routed automatically on open and after escalation.
     *
     * @param group    the group id
     * @param strategy the strategy's name
     * @return the configuration
     * @throws dev.helpdesk.spi.ConfigurationException naming every bad field
     */
    public static GroupRouting automatic(String group, String strategy) {
        Builder b = builder().group(group);
        if (strategy == null) {
            b.errors.add(new FieldError("strategy", "is required"));
        } else {
            b.strategy(strategy);
        }
        return b.build();
    }

    /**
     * Starts a group's routing: routed on open and after escalation unless set otherwise.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GroupRouting}; {@link #build()} checks every part. Not thread-safe. */
    public static final class Builder extends ImmutableGroupRouting.Builder {
        private final List<FieldError> errors = new ArrayList<>();

        Builder() {
        }

        /**
         * Sets the group from its id.
         *
         * @param value the group id
         * @return this builder
         */
        public Builder group(String value) {
            var parsed = GroupId.parse(value);
            if (parsed.isRight()) {
                group(parsed.get());
            } else {
                errors.add(new FieldError("group", "'" + value + "' is not a group id"));
            }
            return this;
        }

        /**
         * Makes the routing.
         *
         * @return the routing
         * @throws dev.helpdesk.spi.ConfigurationException naming every bad field: a missing or
         *         malformed group, a missing strategy or one that is not a label
         */
        @Override
        public GroupRouting build() {
            return Configured.build("group routing", errors, super::build, part -> switch (part) {
                case "group" -> group(GroupId.of("refused")) != null;
                case "strategy" -> strategy("refused") != null;
                default -> false;
            });
        }
    }
}
