package dev.helpdesk.spi.party;

import java.util.Objects;

/**
 * Who issues a command or writes a message. Every command names its actor; the rules of the
 * desk depend on it (a customer sees only their own tickets and never an internal note; only
 * agents and system rules change priority, tier or assignment).
 */
public sealed interface Actor {

    /**
     * A short, stable text for logs and history lines, such as {@code agent:ana}.
     *
     * @return the display form of this actor
     */
    String display();

    /**
     * A customer acting on their own behalf (portal, email, chat).
     *
     * @param id the customer
     */
    record Customer(CustomerId id) implements Actor {
        /**
         * Checks the id is present.
         *
         * @param id the customer
         */
        public Customer {
            Objects.requireNonNull(id, "customer id");
        }

        @Override
        public String display() {
            return "customer:" + id.value();
        }
    }

    /**
     * A member of the support staff.
     *
     * @param id the agent
     */
    record Agent(AgentId id) implements Actor {
        /**
         * Checks the id is present.
         *
         * @param id the agent
         */
        public Agent {
            Objects.requireNonNull(id, "agent id");
        }

        @Override
        public String display() {
            return "agent:" + id.value();
        }
    }

    /**
     * The desk itself, acting on a rule: automatic close, an SLA clock, an escalation rule.
     *
     * @param rule the name of the rule that acted
     */
    record SystemRule(String rule) implements Actor {
        /**
         * Checks the rule name.
         *
         * @param rule the name of the rule that acted
         */
        public SystemRule {
            Ids.check("rule name", rule);
        }

        @Override
        public String display() {
            return "rule:" + rule;
        }
    }

    /**
     * Another system of the host acting through an integration (a mail gateway, a telephony
     * system, a monitoring tool). Integrations may open tickets and post automatic messages;
     * they do not act as agents.
     *
     * @param name the integration's name
     */
    record Integration(String name) implements Actor {
        /**
         * Checks the name.
         *
         * @param name the integration's name
         */
        public Integration {
            Ids.check("integration name", name);
        }

        @Override
        public String display() {
            return "integration:" + name;
        }
    }

    /**
     * A customer actor.
     *
     * @param id the customer id
     * @return the actor
     */
    static Actor customer(String id) {
        return new Customer(CustomerId.of(id));
    }

    /**
     * An agent actor.
     *
     * @param id the agent id
     * @return the actor
     */
    static Actor agent(String id) {
        return new Agent(AgentId.of(id));
    }

    /**
     * A system rule actor.
     *
     * @param rule the rule name
     * @return the actor
     */
    static Actor system(String rule) {
        return new SystemRule(rule);
    }

    /**
     * An integration actor.
     *
     * @param name the integration name
     * @return the actor
     */
    static Actor integration(String name) {
        return new Integration(name);
    }

    /**
     * Tells whether this actor is staff of the desk or the desk itself (an agent or a system
     * rule), the actors allowed to change priority, tier, category and assignment.
     *
     * @return true for agents and system rules
     */
    default boolean isStaff() {
        return this instanceof Agent || this instanceof SystemRule;
    }
}
