/** The parties of a ticket: customers, agents, groups, and the actors that issue commands. */
package dev.helpdesk.spi.party;
