package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Labels;
import dev.helpdesk.spi.ticket.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the desk knows of one agent, as the host's {@link AgentDirectory} tells it: the host's
 * users stay the host's, and the desk asks for this view when it routes a ticket or sends a
 * notice.
 *
 * <p>A profile is an immutable value made with {@link #builder(String)}. Every way of making
 * one (the builder, a {@code with...} copy) runs the same checks and throws
 * {@link dev.helpdesk.spi.ConfigurationException} naming every bad field: at least one tier,
 * skills and roles that are labels, language tags with a language, capacities of
 * 0 to {@link #MAX_CAPACITY}, a display name of 1 to 128 characters.
 */
@Value.Immutable
public abstract class AgentProfile {

    /** The largest capacity on one channel. */
    public static final int MAX_CAPACITY = 10_000;

    /** The longest display name, in characters (Unicode code points). */
    public static final int MAX_DISPLAY_NAME_LENGTH = 128;

    AgentProfile() {
    }

    /**
     * The agent.
     *
     * @return the agent's id
     */
    public abstract AgentId id();

    /**
     * How notices address the agent.
     *
     * @return the name; the default is the id
     */
    @Value.Default
    public String displayName() {
        return id().value();
    }

    /**
     * The tiers the agent works at; routing gives a ticket only to an agent holding its tier.
     *
     * @return one tier at least
     */
    public abstract Set<Tier> tiers();

    /**
     * The groups (queues) the agent takes tickets from.
     *
     * @return the groups, in the order given
     */
    public abstract Set<GroupId> groups();

    /**
     * What the agent knows, as labels ({@code printers}, {@code sepa}).
     *
     * @return the skills, in the order given
     */
    public abstract Set<String> skills();

    /**
     * The languages the agent speaks, the preferred first; notices to the agent are written in
     * the first.
     *
     * @return the languages
     */
    public abstract List<Locale> languages();

    /**
     * How many unsolved tickets the agent may hold at once, per channel; a channel not listed
     * is one the agent does not take.
     *
     * @return the capacity per channel
     */
    public abstract Map<Channel, Integer> capacity();

    /**
     * Whether the agent takes tickets now; routing skips an agent who is away (off shift, on
     * leave).
     *
     * @return true unless set otherwise
     */
    @Value.Default
    public boolean available() {
        return true;
    }

    /**
     * The roles the agent holds for hierarchical escalation ({@code supervisor},
     * {@code account-manager}).
     *
     * @return the roles, labels
     */
    public abstract Set<String> roles();

    /**
     * The agent's own working hours.
     *
     * @return the calendar, if known
     */
    public abstract Optional<BusinessCalendar> workingHours();

    /**
     * Whether the agent wants only urgent notices outside their working hours; the others wait
     * for the next opening.
     *
     * @return false unless set otherwise
     */
    @Value.Default
    public boolean urgentOnlyOffHours() {
        return false;
    }

    /**
     * The same agent, more or less available.
     *
     * @param value the availability
     * @return the new profile
     */
    public abstract AgentProfile withAvailable(boolean value);

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (tiers().isEmpty()) {
            errors.add(new FieldError("tiers", "must hold at least one tier: routing gives an agent only tickets"
                    + " of the tiers they work at"));
        }
        skills().stream().filter(s -> !Labels.isValid(s))
                .forEach(s -> errors.add(new FieldError("skills", "'" + s + "' is not a label")));
        roles().stream().filter(r -> !Labels.isValid(r))
                .forEach(r -> errors.add(new FieldError("roles", "'" + r + "' is not a label")));
        if (languages().stream().anyMatch(l -> l.getLanguage().isEmpty())) {
            errors.add(new FieldError("languages", "must be language tags such as nl or es"));
        }
        capacity().forEach((c, n) -> {
            if (n < 0 || n > MAX_CAPACITY) {
                errors.add(new FieldError("capacity." + c, "must be 0-" + MAX_CAPACITY + ", not " + n));
            }
        });
        String nameProblem = Identifiers.textProblem(displayName(), MAX_DISPLAY_NAME_LENGTH);
        if (nameProblem != null) {
            errors.add(new FieldError("displayName", nameProblem));
        }
        Configured.check("agent profile \"" + id() + "\"", errors);
    }

    /**
     * Starts a profile.
     *
     * @param id the agent's id
     * @return a builder: no tiers, groups, skills or roles; English; available; no capacity
     */
    public static Builder builder(String id) {
        Builder b = new Builder();
        var parsed = AgentId.parse(id);
        if (parsed.isRight()) {
            b.id(parsed.get());
            b.label = "agent profile \"" + id + "\"";
        } else {
            dev.helpdesk.spi.rejection.Rejection refused = parsed.getLeft();
            b.errors.add(new FieldError("id", refused instanceof dev.helpdesk.spi.rejection.Rejection.Invalid invalid
                    ? invalid.errors().get(0).problem() : refused.message()));
        }
        return b;
    }

    /**
     * How many unsolved tickets of a channel the agent may hold.
     *
     * @param channel the channel
     * @return the capacity, 0 when the agent does not take the channel
     */
    public int capacityOn(Channel channel) {
        return capacity().getOrDefault(channel, 0);
    }

    /**
     * The language notices to this agent are written in.
     *
     * @return the first language, English when none is given
     */
    public Locale locale() {
        return languages().isEmpty() ? Locale.ENGLISH : languages().get(0);
    }

    /**
     * Tells whether the agent speaks a language (by language code, ignoring the country).
     *
     * @param language the language
     * @return true when one of the agent's languages has its code
     */
    public boolean speaks(Locale language) {
        return languages().stream().anyMatch(l -> l.getLanguage().equals(language.getLanguage()));
    }

    /**
     * Builds an {@link AgentProfile} in domain words; {@link #build()} checks every part and
     * throws {@link dev.helpdesk.spi.ConfigurationException} naming every bad one. The
     * generated setters ({@code displayName}, {@code available}, {@code tiers}, ...) are
     * available too and refuse a null at once. Not thread-safe.
     */
    public static final class Builder extends ImmutableAgentProfile.Builder {
        private final List<FieldError> errors = new ArrayList<>();
        private String label = "agent profile";

        Builder() {
        }

        /**
         * Adds tiers.
         *
         * @param more the tiers
         * @return this builder
         */
        public Builder tiers(Tier... more) {
            for (Tier t : more) {
                if (t == null) {
                    errors.add(new FieldError("tiers", "must not hold null"));
                } else {
                    addTier(t);
                }
            }
            return this;
        }

        /**
         * Adds groups.
         *
         * @param more the group ids
         * @return this builder
         */
        public Builder groups(String... more) {
            for (String g : more) {
                var parsed = GroupId.parse(g);
                if (parsed.isRight()) {
                    addGroup(parsed.get());
                } else {
                    errors.add(new FieldError("groups", "'" + g + "' is not a group id"));
                }
            }
            return this;
        }

        /**
         * Adds skills.
         *
         * @param more the skills, labels
         * @return this builder
         */
        public Builder skills(String... more) {
            for (String s : more) {
                if (Labels.isValid(s)) {
                    addSkill(s);
                } else {
                    errors.add(new FieldError("skills", "'" + s + "' is not a label"));
                }
            }
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
                Locale locale = tag == null ? null : Locale.forLanguageTag(tag);
                if (locale == null || locale.getLanguage().isEmpty()) {
                    errors.add(new FieldError("languages", "must be language tags such as nl or es, not " + tag));
                } else {
                    addLanguage(locale);
                }
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
            if (channel == null) {
                errors.add(new FieldError("capacity", "the channel must be present"));
            } else {
                putCapacity(channel, tickets);
            }
            return this;
        }

        /**
         * Sets the same capacity on every well-known channel.
         *
         * @param tickets how many unsolved tickets of each channel the agent may hold
         * @return this builder
         */
        public Builder capacity(int tickets) {
            Channel.wellKnown().forEach(c -> putCapacity(c, tickets));
            return this;
        }

        /**
         * Adds roles.
         *
         * @param more the roles, labels
         * @return this builder
         */
        public Builder roles(String... more) {
            for (String r : more) {
                if (Labels.isValid(r)) {
                    addRole(r);
                } else {
                    errors.add(new FieldError("roles", "'" + r + "' is not a label"));
                }
            }
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
            if (value == null) {
                errors.add(new FieldError("workingHours", "must be present"));
            } else {
                workingHours(value);
            }
            urgentOnlyOffHours(urgentOnlyOutside);
            return this;
        }

        /**
         * Makes the profile.
         *
         * @return the profile
         * @throws dev.helpdesk.spi.ConfigurationException naming every bad part: a malformed id,
         *         no tier, a group id, skill, role or language that is not one, a capacity out of
         *         range, a blank or overlong display name
         */
        @Override
        public AgentProfile build() {
            return Configured.build(label, errors, super::build,
                    part -> part.equals("id") && id(AgentId.of("refused")) != null);
        }
    }
}
