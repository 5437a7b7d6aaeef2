/** Rejections: why a command was not carried out, as values. */
package dev.helpdesk.spi.rejection;
