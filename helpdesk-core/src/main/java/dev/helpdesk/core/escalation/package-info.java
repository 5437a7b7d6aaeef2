/**
 * Escalation: runs the desk's escalation rules on every commit and due run (event triggers,
 * SLA warnings and breaches, idleness, unassigned time, repeated reopening), turns their
 * actions into ticket events, keeps every rule to once per ticket and trigger key, stops
 * chains of rules at a bounded depth, and hands routing and notices their part.
 */
package dev.helpdesk.core.escalation;
