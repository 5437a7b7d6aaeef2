/**
 * Failures shared by every part of the contract: {@link dev.helpdesk.spi.HelpdeskException}
 * and its subclasses.
 */
package dev.helpdesk.spi;
