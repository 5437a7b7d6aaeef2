/**
 * The ticket lifecycle: commands, the business rules and the decider that turns a command
 * and a ticket's state into events.
 */
package dev.helpdesk.core.ticket;
