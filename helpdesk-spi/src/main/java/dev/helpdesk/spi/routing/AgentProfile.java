package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Tier;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the desk knows of one agent, as the host's {@link AgentDirectory} tells it: the host's
 * users stay the host's, and the desk asks for this view when it routes a ticket or sends a
 * notice.
 *
 * @param id                  the agent
 * @param displayName         how notices address the agent
 * @param tiers               the tiers the agent works at; routing gives a ticket only to an
 *                            agent holding its tier
 * @param groups              the groups (queues) the agent takes tickets from
 * @param skills              what the agent knows, as labels ({@code printers}, {@code sepa})
 * @param languages           the languages the agent speaks, the preferred first; notices to
 *                            the agent are written in the first
 * @param capacity            how many unsolved tickets the agent may hold at once, per
 *                            channel; a channel not listed is one the agent does not take
 * @param available           false while the agent is away (off shift, on leave); routing
 *                            skips them
 * @param roles               the roles the agent holds for hierarchical escalation
 *                            ({@code supervisor}, {@code account-manager})
 * @param workingHours        the agent's own working hours, if known
 * @param urgentOnlyOffHours  true when the agent wants only urgent notices outside their
 *                            working hours; the others wait for the next opening
 */
public record AgentProfile(AgentId id, String displayName, Set<Tier> tiers, Set<GroupId> groups, Set<String> skills,
                           List<Locale> languages, Map<Channel, Integer> capacity, boolean available, Set<String> roles,
                           Optional<BusinessCalendar> workingHours, boolean urgentOnlyOffHours) {

    /** The largest capacity on one channel. */
    public static final int MAX_CAPACITY = 10_000;

    /**
     * Checks the parts and freezes the collections.
     *
     * @throws IllegalArgumentException when a skill or role is not a label or a capacity is
     *                                  outside 0..{@link #MAX_CAPACITY}
     */
    public AgentProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        tiers = Collections.unmodifiableSet(tiers.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(tiers));
        groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        skills = Collections.unmodifiableSet(new LinkedHashSet<>(skills));
        skills.forEach(s -> Labels.check("skill", s));
        languages = List.copyOf(languages);
        capacity = Collections.unmodifiableMap(new LinkedHashMap<>(capacity));
        capacity.forEach((c, n) -> {
            Objects.requireNonNull(c, "channel");
            if (n == null || n < 0 || n > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity on " + c + " must be 0-" + MAX_CAPACITY + ": " + n);
            }
        });
        roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        roles.forEach(r -> Labels.check("role", r));
        Objects.requireNonNull(workingHours, "workingHours");
    }

    /**
     * Starts a profile.
     *
     * @param id the agent's id
     * @return a builder: no tiers, groups, skills or roles; English; available; no capacity
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * How many unsolved tickets of a channel the agent may hold.
     *
     * @param channel the channel
     * @return the capacity, 0 when the agent does not take the channel
     */
    public int capacityOn(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    /**
     * The language notices to this agent are written in.
     *
     * @return the first language, English when none is given
     */
    public Locale locale() {
        return languages.isEmpty() ? Locale.ENGLISH : languages.get(0);
    }

    /**
     * Tells whether the agent speaks a language (by language code, ignoring the country).
     *
     * @param language the language
     * @return true when one of the agent's languages has its code
     */
    public boolean speaks(Locale language) {
        return languages.stream().anyMatch(l -> l.getLanguage().equals(language.getLanguage()));
    }

    /**
     * The same agent, more or less available.
     *
     * @param value the availability
     * @return the new profile
     */
    public AgentProfile withAvailable(boolean value) {
        return new AgentProfile(id, displayName, tiers, groups, skills, languages, capacity, value, roles,
                workingHours, urgentOnlyOffHours);
    }

    /** Builds an {@link AgentProfile}; {@link #build()} checks every part. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String displayName;
        private final Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        private final Set<String> groups = new LinkedHashSet<>();
        private final Set<String> skills = new LinkedHashSet<>();
        private final List<Locale> languages = new ArrayList<>();
        private final Map<Channel, Integer> capacity = new LinkedHashMap<>();
        private boolean available = true;
        private final Set<String> roles = new LinkedHashSet<>();
        private BusinessCalendar workingHours;
        private boolean urgentOnlyOffHours;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * Sets the name notices use (default: the id).
         *
         * @param value the name
         * @return this builder
         */
        public Builder displayName(String value) {
            displayName = value;
            return this;
        }

        /**
         * Adds tiers.
         *
         * @param more the tiers
         * @return this builder
         */
        public Builder tiers(Tier... more) {
            tiers.addAll(List.of(more));
            return this;
        }

        /**
         * Adds groups.
         *
         * @param more the group ids
         * @return this builder
         */
        public Builder groups(String... more) {
            groups.addAll(List.of(more));
            return this;
        }

        /**
         * Adds skills.
         *
         * @param more the skills, labels
         * @return this builder
         */
        public Builder skills(String... more) {
            skills.addAll(List.of(more));
            return this;
        }

        /**
         * Adds languages, the preferred first.
         *
         * @param more language tags such as {@code nl} or {@code es}
         * @return this builder
         */
        public Builder languages(String... more) {
            for (String tag : more) {
                languages.add(tag == null ? null : Locale.forLanguageTag(tag));
            }
            return this;
        }

        /**
         * Sets the capacity on one channel.
         *
         * @param channel the channel
         * @param tickets how many unsolved tickets of it the agent may hold
         * @return this builder
         */
        public Builder capacity(Channel channel, int tickets) {
            capacity.put(channel, tickets);
            return this;
        }

        /**
         * Sets the same capacity on every well-known channel.
         *
         * @param tickets how many unsolved tickets of each channel the agent may hold
         * @return this builder
         */
        public Builder capacity(int tickets) {
            Channel.wellKnown().forEach(c -> capacity.put(c, tickets));
            return this;
        }

        /**
         * Sets whether the agent takes tickets now (default: yes).
         *
         * @param value the availability
         * @return this builder
         */
        public Builder available(boolean value) {
            available = value;
            return this;
        }

        /**
         * Adds roles.
         *
         * @param more the roles, labels
         * @return this builder
         */
        public Builder roles(String... more) {
            roles.addAll(List.of(more));
            return this;
        }

        /**
         * Sets the agent's working hours.
         *
         * @param value the calendar
         * @param urgentOnlyOutside true to receive only urgent notices outside them
         * @return this builder
         */
        public Builder workingHours(BusinessCalendar value, boolean urgentOnlyOutside) {
            workingHours = value;
            urgentOnlyOffHours = urgentOnlyOutside;
            return this;
        }

        /**
         * Makes the profile.
         *
         * @return the profile, or {@link Rejection.Invalid} naming every bad part
         */
        public Either<Rejection, AgentProfile> build() {
            List<FieldError> errors = new ArrayList<>();
            AgentId agent = null;
            try {
                agent = AgentId.of(id);
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("id", "must be an agent id: 1-128 characters without control characters"));
            }
            Set<GroupId> groupIds = new LinkedHashSet<>();
            for (String g : groups) {
                try {
                    groupIds.add(GroupId.of(g));
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new FieldError("groups", "'" + g + "' is not a group id"));
                }
            }
            skills.stream().filter(s -> !Labels.isValid(s))
                    .forEach(s -> errors.add(new FieldError("skills", "'" + s + "' is not a label")));
            roles.stream().filter(r -> !Labels.isValid(r))
                    .forEach(r -> errors.add(new FieldError("roles", "'" + r + "' is not a label")));
            if (languages.stream().anyMatch(l -> l == null || l.getLanguage().isEmpty())) {
                errors.add(new FieldError("languages", "must be language tags such as nl or es"));
            }
            capacity.forEach((c, n) -> {
                if (c == null || n == null || n < 0 || n > MAX_CAPACITY) {
                    errors.add(new FieldError("capacity", "must be 0-" + MAX_CAPACITY + " per channel"));
                }
            });
            if (displayName != null && (displayName.isBlank() || displayName.length() > 128)) {
                errors.add(new FieldError("displayName", "must be 1-128 characters"));
            }
            if (!errors.isEmpty()) {
                return Either.left(new Rejection.Invalid(errors));
            }
            return Either.right(new AgentProfile(agent, displayName == null ? id : displayName, tiers, groupIds, skills,
                    languages, capacity, available, roles, Optional.ofNullable(workingHours), urgentOnlyOffHours));
        }
    }
}
