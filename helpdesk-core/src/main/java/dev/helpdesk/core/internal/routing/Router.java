package dev.helpdesk.core.internal.routing;

import dev.helpdesk.core.routing.LeastLoaded;
import dev.helpdesk.core.routing.RoundRobin;
import dev.helpdesk.core.routing.SkillsMatch;
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
import dev.helpdesk.spi.routing.RoutingTurns;
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
 * <p>Round-robin turns come from {@link RoutingTurns}: the store's when it keeps them, so that
 * every desk instance on one store shares one order. Workload comes from the store's count of
 * each agent's unsolved tickets. A placement is a proposal: the commit that assigns the ticket
 * claims the agent's seat ({@link Placement.Assign#capacity()}) atomically, and when another
 * commit took the last seat first, the ticket is placed again without that agent.
 *
 * <p>Thread-safe. The only state kept here is the last choice of each group for strategies
 * other than round robin (the {@code lastAssigned} of their request), per desk instance.
 */
public final class Router {
    private final AgentDirectory directory;
    private final CustomerLanguages languages;
    private final Map<GroupId, GroupRouting> groups;
    private final List<SkillRequirement> skills;
    private final Map<String, RoutingStrategy> strategies;
    private final Workload workload;
    private final RoutingTurns turns;
    private final Map<String, AgentId> lastChoice = new ConcurrentHashMap<>();

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
     * @param turns      whose turn it is in groups routed round robin
     * @throws ConfigurationException when a group names an unknown strategy, a group is
     *                                configured twice, or a plugin reuses a built-in name
     */
    public Router(AgentDirectory directory, CustomerLanguages languages, List<GroupRouting> groups,
                  List<SkillRequirement> skills, List<RoutingStrategy> strategies, Workload workload,
                  RoutingTurns turns) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.skills = List.copyOf(skills);
        this.workload = Objects.requireNonNull(workload, "workload");
        this.turns = Objects.requireNonNull(turns, "turns");
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
     * @param turns    whose turn it is
     * @return the router
     */
    public static Router none(Workload workload, RoutingTurns turns) {
        return new Router(AgentDirectory.NONE, CustomerLanguages.NONE, List.of(), List.of(), List.of(), workload, turns);
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
     * @param full     agents whose last seat another commit took while this ticket was placed:
     *                 not candidates whatever the count says
     * @return an agent with room and their capacity on the ticket's channel, or why the ticket
     *         waits
     */
    public Placement place(TicketFacts facts, Optional<String> strategy, Set<AgentId> full) {
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
            if (capacity == 0 || full.contains(a.id())) {
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
        Choice choice;
        if (chosen instanceof RoundRobin) {
            // the turn is taken atomically where every desk on the store sees it
            choice = new Choice.Assign(turns.nextTurn(tenant, group,
                    candidates.stream().map(c -> c.agent().id()).toList()));
        } else {
            String turn = tenant.value() + "/" + group.value();
            RoutingRequest request = new RoutingRequest(facts, group, requiredSkills(facts),
                    languages.languageOf(tenant, ticket.requester()), candidates, Optional.ofNullable(lastChoice.get(turn)));
            choice = chosen.choose(request);
            if (choice instanceof Choice.Assign a) {
                lastChoice.put(turn, a.agent());
            }
        }
        if (choice instanceof Choice.Assign a) {
            Optional<Candidate> candidate = candidates.stream().filter(c -> c.agent().id().equals(a.agent())).findFirst();
            if (candidate.isEmpty()) {
                return new Placement.Wait(Optional.of(group), "strategy " + name + " chose " + a.agent()
                        + ", who cannot take the ticket");
            }
            return new Placement.Assign(a.agent(), group, candidate.get().agent().capacityOn(channel));
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
