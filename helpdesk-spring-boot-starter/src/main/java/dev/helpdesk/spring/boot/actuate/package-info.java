/**
 * Operations: the desk's health for Spring Boot's actuator and its Micrometer meters, from
 * the figures of {@link dev.helpdesk.spring.boot.actuate.HelpdeskProbe}.
 */
package dev.helpdesk.spring.boot.actuate;
