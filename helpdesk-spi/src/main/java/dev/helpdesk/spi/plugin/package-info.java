/** Plugins: extensions the desk calls, registered explicitly or discovered. */
package dev.helpdesk.spi.plugin;
