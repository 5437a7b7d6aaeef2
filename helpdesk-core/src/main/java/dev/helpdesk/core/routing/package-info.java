/**
 * Routing: choosing an agent for a ticket from the host's agent directory by strategy (round
 * robin, least loaded, skills with tier and language), within capacity, and keeping the
 * tickets nobody fits waiting in their group's queue, oldest first.
 */
package dev.helpdesk.core.routing;
