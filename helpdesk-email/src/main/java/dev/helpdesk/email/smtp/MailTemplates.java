package dev.helpdesk.email.smtp;

import dev.helpdesk.email.TenantMailbox;
import dev.helpdesk.spi.channel.OutboundKind;
import dev.helpdesk.spi.channel.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The frame of the desk's mail in the recipient's language (English, Dutch, Spanish and
 * Russian ship; others fall back to English): a marker line above which the customer answers
 * (the inbound side cuts the answer there), the message, and a footer naming the request. Both a
 * text and an HTML part are made; an HTML message from the desk is cleaned to a safe subset of
 * HTML first.
 */
public final class MailTemplates {
    /** The languages that ship. */
    public static final List<String> LANGUAGES = List.of("en", "nl", "es", "ru");

    private final Map<String, Properties> bundles;

    /** Loads the shipped templates. */
    public MailTemplates() {
        this.bundles = LANGUAGES.stream().collect(Collectors.toMap(Function.identity(), MailTemplates::load));
    }

    private static Properties load(String language) {
        String name = "templates_" + language + ".properties";
        try (InputStream in = MailTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + name);
            }
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    /**
     * The two parts of a mail.
     *
     * @param text the plain text part
     * @param html the HTML part
     */
    public record Rendered(String text, String html) {
    }

    /**
     * The prefix of a reply's subject in a language.
     *
     * @param locale the language
     * @return such as {@code Re:}
     */
    public String replyPrefix(Locale locale) {
        return bundle(locale).getProperty("reply.prefix", "Re:");
    }

    /**
     * Renders one message.
     *
     * @param message the message
     * @param mailbox the mailbox it leaves from
     * @return the text and HTML parts
     */
    public Rendered render(OutboundMessage message, TenantMailbox mailbox) {
        Properties p = bundle(message.locale());
        String desk = mailbox.displayName().orElse(mailbox.address().value());
        String footer = p.getProperty(message.kind() == OutboundKind.REPLY ? "reply.footer" : "notice.footer")
                .replace("{number}", message.number().toString()).replace("{desk}", desk);
        String marker = p.getProperty("marker");
        String body = message.text().replace("\r\n", "\n").replace('\r', '\n');
        String text = marker + "\n\n" + body + "\n\n-- \n" + footer + "\n";
        String bodyHtml = message.html().map(h -> Jsoup.clean(h, Safelist.relaxed()))
                .orElseGet(() -> "<p>" + escape(body).replace("\n\n", "</p>\n<p>").replace("\n", "<br>\n") + "</p>");
        String html = "<!DOCTYPE html>\n<html lang=\"" + escape(message.locale().toLanguageTag()) + "\">\n"
                + "<head><meta charset=\"utf-8\"></head>\n<body>\n"
                + "<div style=\"color:#999999\">" + escape(marker) + "</div>\n"
                + "<div>" + bodyHtml + "</div>\n"
                + "<hr>\n<div style=\"color:#666666;font-size:small\">" + escape(footer) + "</div>\n"
                + "</body>\n</html>\n";
        return new Rendered(text, html);
    }

    private Properties bundle(Locale locale) {
        return bundles.getOrDefault(locale.getLanguage(), bundles.get("en"));
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
