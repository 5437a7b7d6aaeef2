/**
 * An example of a helpdesk plugin in its own jar: an escalation action that escalates by the
 * requester's customer segment, and a notifier that posts each notice as JSON to a webhook.
 * Declared here with {@code provides} for the module path and in {@code META-INF/services} for
 * the class path; a desk finds both with {@code Helpdesk.builder().discoverPlugins()}.
 */
module dev.helpdesk.examples.plugin {
    requires transitive dev.helpdesk.spi;
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.helpdesk.examples.plugin;

    provides dev.helpdesk.spi.plugin.HelpdeskPlugin with
            dev.helpdesk.examples.plugin.SegmentEscalation,
            dev.helpdesk.examples.plugin.WebhookNotifier;
}
