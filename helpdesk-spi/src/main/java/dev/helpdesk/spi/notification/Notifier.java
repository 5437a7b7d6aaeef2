package dev.helpdesk.spi.notification;

import dev.helpdesk.spi.plugin.HelpdeskPlugin;

/**
 * Delivers the desk's notices (by mail, chat, push: the host's choice). The desk renders each
 * notice from its templates in the recipient's language, holds a non-urgent one until the
 * recipient's working hours when they asked for that, and hands it to every installed notifier.
 *
 * <p>Called after the commit that caused the notice, on the thread that committed it (or the
 * thread running {@code runDue} for a notice that waited); a notifier should hand the notice
 * to a queue rather than block. A notifier that throws does not affect the command; the desk
 * logs the failure. Delivery is at most once per desk instance: a host that must not lose a
 * notice stores it in its own outbox from here.
 */
public interface Notifier extends HelpdeskPlugin {

    /**
     * Delivers one notice.
     *
     * @param notification the notice
     * @throws Exception when delivery failed
     */
    void deliver(Notification notification) throws Exception;
}
