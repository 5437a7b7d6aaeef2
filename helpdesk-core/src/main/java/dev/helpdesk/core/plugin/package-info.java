/** The registry of a desk's plugins: explicit registration and opt-in discovery. */
package dev.helpdesk.core.plugin;
