/**
 * Auto-configuration of the helpdesk for Spring Boot applications:
 * {@link dev.helpdesk.spring.boot.HelpdeskAutoConfiguration} and the {@code helpdesk.*}
 * properties ({@link dev.helpdesk.spring.boot.HelpdeskProperties}).
 */
package dev.helpdesk.spring.boot;
