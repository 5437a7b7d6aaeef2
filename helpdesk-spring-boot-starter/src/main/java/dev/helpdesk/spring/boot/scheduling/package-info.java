/**
 * The desk's timed work on a thread of the starter's own: {@link dev.helpdesk.spring.boot.scheduling.HelpdeskScheduler}.
 */
package dev.helpdesk.spring.boot.scheduling;
