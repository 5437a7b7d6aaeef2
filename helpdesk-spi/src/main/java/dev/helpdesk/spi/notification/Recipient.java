package dev.helpdesk.spi.notification;

import dev.helpdesk.spi.party.AgentId;
import dev.helpdesk.spi.party.CustomerId;
import java.util.Objects;
import java.util.Optional;

/** Who a notice goes to. */
public sealed interface Recipient {

    /**
     * The recipient's id as the host knows it.
     *
     * @return the agent's or customer's id
     */
    String id();

    /**
     * An agent: the assignee, a named agent, or a holder of a role.
     *
     * @param agent the agent
     * @param role  the role the notice reached them through, for a hierarchical escalation
     */
    record Agent(AgentId agent, Optional<String> role) implements Recipient {
        /**
         * Checks the parts are present.
         *
         * @param agent the agent
         * @param role the role the notice reached them through, for a hierarchical escalation
         */
        public Agent {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String id() {
            return agent.value();
        }
    }

    /**
     * The ticket's requester.
     *
     * @param customer the customer
     */
    record Customer(CustomerId customer) implements Recipient {
        /**
         * Checks the customer is present.
         *
         * @param customer the customer
         */
        public Customer {
            Objects.requireNonNull(customer, "customer");
        }

        @Override
        public String id() {
            return customer.value();
        }
    }
}
