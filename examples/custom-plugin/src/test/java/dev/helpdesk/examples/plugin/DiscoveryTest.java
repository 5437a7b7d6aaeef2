package dev.helpdesk.examples.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.helpdesk.core.Helpdesk;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.TicketTrigger;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.plugin.HelpdeskPlugin;
import dev.helpdesk.spi.ticket.Ticket;
import dev.helpdesk.spi.ticket.Tier;
import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The plugin jar is found by {@link ServiceLoader}: on the class path through
 * {@code META-INF/services}, and on the module path through {@code provides} (a module layer
 * built from the plugin's module, the contract and the contract's dependencies, where
 * {@code META-INF/services} plays no part).
 */
class DiscoveryTest {

    @Test
    void on_the_class_path_a_desk_that_discovers_plugins_escalates_with_the_action_and_posts_to_the_webhook()
            throws Exception {
        BlockingQueue<String> posts = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String previous = System.getProperty(WebhookNotifier.URL_PROPERTY);
        try {
            System.setProperty(WebhookNotifier.URL_PROPERTY,
                    "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/hook");
            EscalationRule rule = EscalationRule.builder("segment-on-open")
                    .on(TicketTrigger.OPENED)
                    .then(new Action.Custom(SegmentEscalation.TYPE, Map.of("*", "L2 specialists")),
                            new Action.NotifyCustomer())
                    .reason("Every printer ticket goes to the specialists")
                    .build();
            Helpdesk desk = Helpdesk.builder().discoverPlugins().escalationRules(rule).build();

            Ticket ticket = desk.tenant(Fixtures.ACME).tickets()
                    .open(Fixtures.printerOffline("c-42"), Actor.customer("c-42")).get();

            assertEquals(Tier.L2, ticket.tier());
            assertEquals(Optional.of(GroupId.of("specialists")), ticket.group());
            String post = posts.poll(30, TimeUnit.SECONDS);
            assertNotNull(post, "the webhook received no notice");
            assertTrue(post.contains("\"recipient\":{\"kind\":\"customer\",\"id\":\"c-42\"}"), post);
            assertTrue(post.contains("\"number\":" + ticket.number().value()), post);
        } finally {
            server.stop(0);
            if (previous == null) {
                System.clearProperty(WebhookNotifier.URL_PROPERTY);
            } else {
                System.setProperty(WebhookNotifier.URL_PROPERTY, previous);
            }
        }
    }

    @Test
    void on_the_class_path_service_loader_lists_both_plugins_from_meta_inf_services() {
        List<String> types = ServiceLoader.load(HelpdeskPlugin.class).stream()
                .map(p -> p.type().getName())
                .filter(n -> n.startsWith("dev.helpdesk.examples.plugin."))
                .sorted().toList();

        assertEquals(List.of(SegmentEscalation.class.getName(), WebhookNotifier.class.getName()), types);
    }

    @Test
    void on_the_module_path_service_loader_finds_both_plugins_through_provides() throws Exception {
        // the plugin's module, the contract and what the contract needs: nothing else
        ModuleFinder finder = ModuleFinder.of(locationOf(SegmentEscalation.class), locationOf(HelpdeskPlugin.class),
                locationOf(io.vavr.control.Either.class), locationOf(org.slf4j.Logger.class));
        ModuleFinder vavrNeeds = ModuleFinder.of(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("vavr-match") || e.contains("jspecify"))
                .map(Path::of).toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration().resolveAndBind(
                ModuleFinder.compose(finder, vavrNeeds), ModuleFinder.of(), Set.of("dev.helpdesk.examples.plugin"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        Module plugin = layer.findModule("dev.helpdesk.examples.plugin").orElseThrow();
        Class<?> service = layer.findLoader("dev.helpdesk.spi").loadClass(HelpdeskPlugin.class.getName());

        List<String> found = ServiceLoader.load(layer, service.asSubclass(Object.class)).stream()
                .peek(p -> assertEquals(plugin, p.type().getModule(), "a provider from outside the plugin's module"))
                .map(p -> p.type().getName()).sorted().toList();

        assertEquals(List.of(SegmentEscalation.class.getName(), WebhookNotifier.class.getName()), found);
        assertTrue(plugin.getDescriptor().provides().stream()
                .anyMatch(p -> p.service().equals(HelpdeskPlugin.class.getName()) && p.providers().size() == 2));
        Object action = ServiceLoader.load(layer, service.asSubclass(Object.class)).stream()
                .filter(p -> p.type().getSimpleName().equals("SegmentEscalation")).findFirst().orElseThrow().get();
        assertEquals("action:segment-escalation", service.getMethod("name").invoke(action));
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
