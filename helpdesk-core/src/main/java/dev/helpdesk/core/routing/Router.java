package dev.helpdesk.core.routing;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.escalation.TicketFacts;
import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.routing.AgentDirectory;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.routing.Candidate;
import dev.helpdesk.spi.routing.Choice;
import dev.helpdesk.spi.routing.CustomerLanguages;
import dev.helpdesk.spi.routing.GroupRouting;
import dev.helpdesk.spi.routing.RoutingRequest;
import dev.helpdesk.spi.routing.RoutingStrategy;
import dev.helpdesk.spi.routing.SkillRequirement;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places tickets with agents. For a ticket in a group it keeps the agents who can take it
 * (members of the group, available, holding the ticket's tier, with room on its channel), asks
 * the group's strategy to choose among them, and checks the choice: capacity holds whatever a
 * strategy answers. When nobody fits, the answer says why, for the ticket's history.
 *
 * <p>Thread-safe. The only state is each group's round-robin turn, kept per desk instance;
 * every other input comes from the directory and the workload on each call, so the same
 * inputs give the same placement.
 */
public final class Router {
    private final AgentDirectory directory;
    private final CustomerLanguages languages;
    private final Map<GroupId, GroupRouting> groups;
    private final List<SkillRequirement> skills;
    private final Map<String, RoutingStrategy> strategies;
    private final Workload workload;
    private final Map<String, AgentId> turns = new ConcurrentHashMap<>();

    /**
     * Makes a router.
     *
     * @param directory  the host's agents
     * @param languages  the customers' languages
     * @param groups     how each group is routed; a group not listed is never routed
     *                   automatically
     * @param skills     the skills tickets call for by category
     * @param strategies strategies beyond the built-in ones, by their names
     * @param workload   how many tickets each agent holds
     * @throws ConfigurationException when a group names an unknown strategy, a group is
     *                                configured twice, or a plugin reuses a built-in name
     */
    public Router(AgentDirectory directory, CustomerLanguages languages, List<GroupRouting> groups,
                  List<SkillRequirement> skills, List<RoutingStrategy> strategies, Workload workload) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.skills = List.copyOf(skills);
        this.workload = Objects.requireNonNull(workload, "workload");
        Map<String, RoutingStrategy> all = new LinkedHashMap<>();
        for (RoutingStrategy s : List.of(new RoundRobin(), new LeastLoaded(), new SkillsMatch())) {
            all.put(s.name(), s);
        }
        for (RoutingStrategy s : strategies) {
            if (all.containsKey(s.name()) && !all.get(s.name()).getClass().equals(s.getClass())) {
                throw new ConfigurationException("routing strategy '" + s.name() + "' is built in");
            }
            all.put(s.name(), s);
        }
        this.strategies = Map.copyOf(all);
        Map<GroupId, GroupRouting> byGroup = new LinkedHashMap<>();
        for (GroupRouting g : groups) {
            if (!all.containsKey(g.strategy())) {
                throw new ConfigurationException("group " + g.group() + " names unknown routing strategy '"
                        + g.strategy() + "'; known: " + String.join(", ", new java.util.TreeSet<>(all.keySet())));
            }
            if (byGroup.put(g.group(), g) != null) {
                throw new ConfigurationException("group " + g.group() + " has two routing configurations");
            }
        }
        this.groups = java.util.Collections.unmodifiableMap(byGroup);
    }

    /**
     * A router that routes nothing automatically.
     *
     * @param workload how many tickets each agent holds
     * @return the router
     */
    public static Router none(Workload workload) {
        return new Router(AgentDirectory.NONE, CustomerLanguages.NONE, List.of(), List.of(), List.of(), workload);
    }

    /**
     * The names of the strategies this router knows.
     *
     * @return the names
     */
    public Set<String> strategies() {
        return strategies.keySet();
    }

    /**
     * How a group is routed.
     *
     * @param group the group
     * @return its configuration, if it is routed
     */
    public Optional<GroupRouting> routing(GroupId group) {
        return Optional.ofNullable(groups.get(group));
    }

    /**
     * The groups routed by this desk.
     *
     * @return their configurations, in the order given
     */
    public List<GroupRouting> groups() {
        return List.copyOf(groups.values());
    }

    /**
     * Tells whether any group has routing configured; cheap, for the commit path.
     *
     * @return true when at least one group routes its tickets
     */
    public boolean hasGroups() {
        return !groups.isEmpty();
    }

    /**
     * The host's agents.
     *
     * @return the directory
     */
    public AgentDirectory directory() {
        return directory;
    }

    /**
     * The customers' languages.
     *
     * @return the lookup
     */
    public CustomerLanguages languages() {
        return languages;
    }

    /**
     * Tells whether an agent can keep a ticket as it is now: a member of its group (when it
     * has one) who holds its tier.
     *
     * @param tenant the tenant
     * @param ticket the ticket
     * @param agent  the agent
     * @return true when the agent still fits
     */
    public boolean fits(TenantId tenant, Ticket ticket, AgentId agent) {
        Optional<AgentProfile> profile = directory.agent(tenant, agent);
        return profile.isPresent() && profile.get().tiers().contains(ticket.tier())
                && ticket.group().map(g -> profile.get().groups().contains(g)).orElse(true);
    }

    /**
     * The groups an agent takes tickets from.
     *
     * @param tenant the tenant
     * @param agent  the agent
     * @return the groups, empty when the directory does not know the agent
     */
    public Set<GroupId> groupsOf(TenantId tenant, AgentId agent) {
        return directory.agent(tenant, agent).map(AgentProfile::groups).orElse(Set.of());
    }

    /**
     * Places a ticket in its group.
     *
     * @param facts    the ticket's facts
     * @param strategy the strategy to use; empty for the group's own (least loaded for a group
     *                 without routing configuration)
     * @return an agent with room, or why the ticket waits
     */
    public Placement place(TicketFacts facts, Optional<String> strategy) {
        Ticket ticket = facts.ticket();
        if (ticket.group().isEmpty()) {
            return new Placement.Wait(Optional.empty(), "the ticket has no group to route it in");
        }
        GroupId group = ticket.group().get();
        TenantId tenant = ticket.tenant();
        List<AgentProfile> members = new ArrayList<>(directory.members(tenant, group));
        members.sort(Comparator.comparing(a -> a.id().value()));
        if (members.isEmpty()) {
            return new Placement.Wait(Optional.of(group), "group " + group + " has no agents");
        }
        List<AgentProfile> available = members.stream().filter(AgentProfile::available).toList();
        if (available.isEmpty()) {
            return new Placement.Wait(Optional.of(group), "nobody in group " + group + " is available");
        }
        List<AgentProfile> atTier = available.stream().filter(a -> a.tiers().contains(ticket.tier())).toList();
        if (atTier.isEmpty()) {
            return new Placement.Wait(Optional.of(group), "nobody available in group " + group
                    + " works at " + ticket.tier());
        }
        Channel channel = ticket.channel();
        List<Candidate> candidates = new ArrayList<>();
        for (AgentProfile a : atTier) {
            int capacity = a.capacityOn(channel);
            if (capacity == 0) {
                continue;
            }
            Map<Channel, Integer> held = workload.of(tenant, a.id());
            int onChannel = held.getOrDefault(channel, 0);
            if (onChannel < capacity) {
                int total = held.values().stream().mapToInt(Integer::intValue).sum();
                candidates.add(new Candidate(a, total, onChannel, capacity));
            }
        }
        if (candidates.isEmpty()) {
            return new Placement.Wait(Optional.of(group), "everyone available at " + ticket.tier() + " in group "
                    + group + " is at capacity on " + channel);
        }
        String name = strategy.orElse(routing(group).map(GroupRouting::strategy).orElse(LeastLoaded.NAME));
        RoutingStrategy chosen = strategies.get(name);
        if (chosen == null) {
            return new Placement.Wait(Optional.of(group), "unknown routing strategy " + name);
        }
        String turn = tenant.value() + "/" + group.value();
        RoutingRequest request = new RoutingRequest(facts, group, requiredSkills(facts),
                languages.languageOf(tenant, ticket.requester()), candidates, Optional.ofNullable(turns.get(turn)));
        Choice choice = chosen.choose(request);
        if (choice instanceof Choice.Assign a) {
            boolean candidate = candidates.stream().anyMatch(c -> c.agent().id().equals(a.agent()));
            if (!candidate) {
                return new Placement.Wait(Optional.of(group), "strategy " + name + " chose " + a.agent()
                        + ", who cannot take the ticket");
            }
            turns.put(turn, a.agent());
            return new Placement.Assign(a.agent(), group);
        }
        return new Placement.Wait(Optional.of(group), ((Choice.Wait) choice).reason());
    }

    /**
     * The skills a ticket calls for: those of every requirement its category lies within, and
     * one per {@code skill:<name>} tag.
     *
     * @param facts the ticket's facts
     * @return the skills
     */
    public Set<String> requiredSkills(TicketFacts facts) {
        Set<String> needed = new LinkedHashSet<>();
        for (SkillRequirement r : skills) {
            if (r.covers(facts.ticket().category())) {
                needed.addAll(r.skills());
            }
        }
        for (String tag : facts.tags()) {
            if (tag.startsWith("skill:") && tag.length() > "skill:".length()) {
                needed.add(tag.substring("skill:".length()));
            }
        }
        return needed;
    }

    /**
     * The language a customer is served in, for notices.
     *
     * @param ticket the ticket
     * @return the requester's language, English when unknown
     */
    public Locale customerLocale(Ticket ticket) {
        return languages.languageOf(ticket.tenant(), ticket.requester()).orElse(Locale.ENGLISH);
    }
}
