package dev.helpdesk.email.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds what is new in an answer. It cuts the text at the first of:
 *
 * <ul>
 *   <li>an attribution line: Gmail's and Apple Mail's {@code On … wrote:} (also over two lines,
 *       and in Dutch {@code Op … schreef …:}, Spanish {@code El … escribió:}, Russian
 *       {@code … пишет:} / {@code написал(а):}, German {@code Am … schrieb …:}, French
 *       {@code Le … a écrit :});</li>
 *   <li>Outlook's separator {@code -----Original Message-----} (and {@code Oorspronkelijk
 *       bericht}, {@code Mensaje original}, {@code Исходное сообщение}, {@code Ursprüngliche
 *       Nachricht}) and its header block: {@code From:} / {@code Van:} / {@code De:} /
 *       {@code От:} / {@code Von:} followed within three lines by a {@code Sent:} /
 *       {@code Verzonden:} / {@code Enviado:} / {@code Отправлено:} / {@code Date:} line;</li>
 *   <li>the desk's own marker line {@code ##- … -##}, written above the desk's mail;</li>
 *   <li>a signature separator {@code "-- "};</li>
 *   <li>a trailing "Sent from my phone" line.</li>
 * </ul>
 *
 * <p>and it removes every line quoted with {@code >}, which also takes out the quotes of an
 * answer written between the quoted lines. If that leaves nothing (a mail that is only a quote),
 * the whole text is kept: stripping never loses a message. The first line of a text that does
 * not begin with a quote or a cut line is always kept. Stateless and thread-safe.
 */
public final class QuoteStripper {
    /** Creates a stripper; one instance serves every thread. */
    public QuoteStripper() {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On\\s.{1,300}\\swrote:"
                    + "|Op\\s.{1,300}\\s(schreef|heeft).{0,300}:"
                    + "|El\\s.{1,300}\\sescribi[oó]:"
                    + "|Am\\s.{1,300}\\sschrieb.{0,300}:"
                    + "|Le\\s.{1,300}\\sa\\s[ée]crit\\s?:"
                    + "|.{1,300}\\s(пишет|написал|написала|написал\\(а\\)):"
                    + ")\\s*$", FLAGS);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Oorspronkelijk bericht|Origineel bericht|Mensaje original"
                    + "|Исходное сообщение|Ursprüngliche Nachricht|Message d'origine|Forwarded by.*)\\s*-{2,}\\s*$", FLAGS);
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\s*\\**\\s*(From|Van|De|От|Von|Da)\\s*:\\s*\\**\\s*\\S.*$", FLAGS);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "^\\s*\\**\\s*(Sent|Date|Verzonden|Datum|Enviado|Fecha|Отправлено|Дата|Gesendet|Envoyé|Inviato)\\s*:.*$", FLAGS);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern DESK_MARKER = Pattern.compile("^\\s*##-.*-##\\s*$");
    private static final Pattern SENT_FROM_PHONE = Pattern.compile(
            "^\\s*(Sent from my .{1,40}|Verzonden (vanaf|met) mijn .{1,40}|Enviado desde mi .{1,40}"
                    + "|Отправлено с .{1,40}|Von meinem .{1,40} gesendet|Get Outlook for .{1,20})\\s*$", FLAGS);

    /**
     * The new part and whether anything was removed.
     *
     * @param text     the new part, lines separated by {@code \n}
     * @param stripped true when something was removed
     */
    public record Result(String text, boolean stripped) {
        /**
         * Checks the text is present.
         *
         * @param text the new part, lines separated by {@code \n}
         * @param stripped true when something was removed
         */
        public Result {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Strips one text.
     *
     * @param text the whole text, lines separated by {@code \n}
     * @return the new part
     */
    public Result strip(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.split("\n", -1);
        int cut = cutLine(lines);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < cut; i++) {
            if (!isQuoted(lines[i])) {
                kept.add(lines[i]);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty() && SENT_FROM_PHONE.matcher(kept.get(kept.size() - 1)).matches()) {
            kept.remove(kept.size() - 1);
            while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                kept.remove(kept.size() - 1);
            }
        }
        int start = 0;
        while (start < kept.size() && kept.get(start).isBlank()) {
            start++;
        }
        String result = String.join("\n", kept.subList(start, kept.size()));
        if (result.isBlank()) {
            return new Result(withoutBlankEdges(text), false);
        }
        return new Result(result, !result.equals(text));
    }

    private static String withoutBlankEdges(String text) {
        String[] lines = text.split("\n", -1);
        int start = 0;
        int end = lines.length;
        while (start < end && lines[start].isBlank()) {
            start++;
        }
        while (end > start && lines[end - 1].isBlank()) {
            end--;
        }
        return String.join("\n", Arrays.asList(lines).subList(start, end));
    }

    private static int cutLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--") && i > 0 && i >= lines.length - 12) {
                return i;
            }
            if (DESK_MARKER.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
                return i;
            }
            // every attribution ends in a colon: a cheap test spares the regular expression most lines
            if (endsWithColon(line) && ATTRIBUTION.matcher(line).matches() && quoteFollows(lines, i + 1)) {
                return i;
            }
            if (i + 1 < lines.length && !line.isBlank() && line.length() < 300 && endsWithColon(lines[i + 1])
                    && ATTRIBUTION.matcher(line + " " + lines[i + 1].strip()).matches()
                    && quoteFollows(lines, i + 2)) {
                return i;
            }
            if (line.indexOf(':') > 0 && HEADER_FROM.matcher(line).matches() && headerBlockFollows(lines, i + 1)) {
                return i > 0 && UNDERSCORES.matcher(lines[i - 1]).matches() ? i - 1 : i;
            }
            if (UNDERSCORES.matcher(line).matches() && i + 1 < lines.length
                    && HEADER_FROM.matcher(lines[i + 1]).matches() && headerBlockFollows(lines, i + 2)) {
                return i;
            }
        }
        return lines.length;
    }

    /** An attribution counts when something follows it: quoted lines or the quoted text itself. */
    private static boolean quoteFollows(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean headerBlockFollows(String[] lines, int from) {
        for (int i = from; i < Math.min(lines.length, from + 3); i++) {
            if (HEADER_SENT.matcher(lines[i]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithColon(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end > 0 && line.charAt(end - 1) == ':';
    }

    private static boolean isQuoted(String line) {
        return line.startsWith(">");
    }
}
