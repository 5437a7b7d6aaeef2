/**
 * The HTTP developer bridge: {@link dev.helpdesk.developer.http.HttpDeveloperBridge} posts a
 * problem's hand-off as JSON; {@link dev.helpdesk.developer.http.TrackerUpdates} reads the
 * tracker's status updates into {@link dev.helpdesk.spi.problem.DeveloperUpdate}s.
 */
package dev.helpdesk.developer.http;
