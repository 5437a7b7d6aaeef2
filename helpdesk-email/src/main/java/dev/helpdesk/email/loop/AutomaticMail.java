package dev.helpdesk.email.loop;

import dev.helpdesk.spi.channel.MessageFlag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recognises mail written by a machine or sent in bulk, from the headers the standards and the
 * big mail systems set:
 *
 * <ul>
 *   <li>{@link MessageFlag#AUTO_REPLY}: {@code Auto-Submitted} other than {@code no} (RFC 3834),
 *       {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Auto-Response-Suppress}
 *       (Exchange), {@code Precedence: auto_reply}, a read receipt ({@code multipart/report;
 *       report-type=disposition-notification}), an empty {@code Return-Path} (RFC 3834 asks
 *       responders for one), and subjects that Outlook, Gmail and others give out-of-office
 *       replies in English, Dutch, Spanish, Russian and German;</li>
 *   <li>{@link MessageFlag#BOUNCE}: a delivery status notification ({@code multipart/report;
 *       report-type=delivery-status}, RFC 3464), {@code X-Failed-Recipients}, or a mail from
 *       {@code mailer-daemon} or {@code postmaster} with an empty {@code Return-Path};</li>
 *   <li>{@link MessageFlag#BULK}: {@code Precedence: bulk, junk or list}, {@code List-Id}.</li>
 * </ul>
 */
public final class AutomaticMail {
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^(automatic reply|auto-?reply|autoreply|out of (the )?office( reply)?|automatisch antwoord|afwezig"
                    + "|respuesta autom[aá]tica|fuera de la oficina|автоматический ответ|автоответ|abwesenheitsnotiz"
                    + "|automatische antwort)\\b.*",
            // Unicode classes: since JDK 19 \b sees only ASCII letters without this flag, and
            // "Автоматический ответ:" would not end at a word boundary
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster)@.*", Pattern.CASE_INSENSITIVE);

    private AutomaticMail() {
    }

    /**
     * What was found: the flags and, for each, the header that said so.
     *
     * @param flags    the flags, possibly none
     * @param evidence one line per finding, such as {@code Auto-Submitted: auto-replied}
     */
    public record Finding(Set<MessageFlag> flags, List<String> evidence) {
        /**
         * Freezes the parts.
         *
         * @param flags the flags, possibly none
         * @param evidence one line per finding, such as {@code Auto-Submitted: auto-replied}
         */
        public Finding {
            flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(MessageFlag.class) : EnumSet.copyOf(flags));
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * Classifies one message.
     *
     * @param header     the values of a header by name (case-insensitive), empty when absent
     * @param subject    the decoded subject, empty when none
     * @param from       the sender's address, empty when unknown
     * @param reportType the {@code report-type} of a top-level {@code multipart/report}, empty
     *                   when the message is not a report
     * @return the flags and the evidence
     */
    public static Finding classify(Function<String, List<String>> header, String subject, String from,
                                   String reportType) {
        Objects.requireNonNull(header, "header");
        Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        List<String> evidence = new ArrayList<>();
        for (String value : header.apply("Auto-Submitted")) {
            if (!value.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                found(flags, evidence, MessageFlag.AUTO_REPLY, "Auto-Submitted: " + value.strip());
            }
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "X-AutoReply-From",
                "X-Mail-Autoreply")) {
            for (String value : header.apply(name)) {
                found(flags, evidence, MessageFlag.AUTO_REPLY, name + ": " + value.strip());
            }
        }
        for (String value : header.apply("Precedence")) {
            String p = value.strip().toLowerCase(Locale.ROOT);
            if (p.equals("bulk") || p.equals("junk") || p.equals("list")) {
                found(flags, evidence, MessageFlag.BULK, "Precedence: " + p);
            } else if (p.equals("auto_reply")) {
                found(flags, evidence, MessageFlag.AUTO_REPLY, "Precedence: " + p);
            }
        }
        for (String value : header.apply("List-Id")) {
            found(flags, evidence, MessageFlag.BULK, "List-Id: " + value.strip());
        }
        String report = reportType == null ? "" : reportType.strip().toLowerCase(Locale.ROOT);
        if (report.equals("delivery-status")) {
            found(flags, evidence, MessageFlag.BOUNCE, "multipart/report; report-type=delivery-status");
        } else if (report.equals("disposition-notification")) {
            found(flags, evidence, MessageFlag.AUTO_REPLY, "multipart/report; report-type=disposition-notification");
        }
        for (String value : header.apply("X-Failed-Recipients")) {
            found(flags, evidence, MessageFlag.BOUNCE, "X-Failed-Recipients: " + value.strip());
        }
        boolean nullSender = header.apply("Return-Path").stream().anyMatch(v -> v.strip().equals("<>"));
        if (nullSender) {
            if (from != null && DAEMON.matcher(from).matches()) {
                found(flags, evidence, MessageFlag.BOUNCE, "Return-Path: <> from " + from);
            } else if (!flags.contains(MessageFlag.BOUNCE)) {
                found(flags, evidence, MessageFlag.AUTO_REPLY, "Return-Path: <>");
            }
        }
        if (subject != null && AUTO_SUBJECT.matcher(subject.strip()).matches()) {
            found(flags, evidence, MessageFlag.AUTO_REPLY, "Subject: " + subject.strip());
        }
        return new Finding(flags, evidence);
    }

    private static void found(Set<MessageFlag> flags, List<String> evidence, MessageFlag flag, String why) {
        flags.add(flag);
        String line = why.replaceAll("[\\p{Cntrl}]", " ");
        evidence.add(line.length() > 200 ? line.substring(0, 200) : line);
    }
}
