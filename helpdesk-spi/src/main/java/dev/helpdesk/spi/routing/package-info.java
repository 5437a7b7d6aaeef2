/**
 * Routing: the host's directory of agents (tiers, groups, skills, languages, capacity,
 * availability), the strategies that choose an agent for a ticket, and each group's routing
 * configuration.
 */
@ValueStyle
package dev.helpdesk.spi.routing;

import dev.helpdesk.spi.ValueStyle;
