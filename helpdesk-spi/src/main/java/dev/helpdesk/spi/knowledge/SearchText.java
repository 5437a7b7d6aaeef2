package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.text.Normalizer;

/**
 * What a reader typed into a search box, as words only: the text is normalized (Unicode NFC,
 * tabs and line breaks as spaces, runs of white space as one, no white space at either end)
 * and never read as a query language. Quotes, {@code AND}, {@code *}, {@code ~}, {@code field:}
 * and the like are characters and words like any other; a search implementation must treat
 * them so, and a text of punctuation alone finds nothing rather than failing.
 *
 * <p>A text is 1 to {@value #MAX_LENGTH} characters (code points) after normalization, without
 * control characters or unpaired surrogates.
 *
 * @param value the normalized text
 */
public record SearchText(String value) {
    /** The longest text, in code points after normalization. */
    public static final int MAX_LENGTH = 500;

    /**
     * Checks the text is normalized and within the limits.
     *
     * @param value the normalized text
     * @throws dev.helpdesk.spi.ConfigurationException when it is not
     */
    public SearchText {
        String problem = problem(value);
        if (problem == null && !normalize(value).equals(value)) {
            problem = "must be normalized (NFC, single spaces, trimmed)";
        }
        Identifiers.check("query", problem);
    }

    /**
     * A text written in the host's code, normalized first.
     *
     * @param text the text
     * @return the search text
     * @throws dev.helpdesk.spi.ConfigurationException naming {@code query} when it is blank, too
     *                                                 long or holds control characters
     */
    public static SearchText of(String text) {
        Identifiers.check("query", problem(text));
        return new SearchText(normalize(text));
    }

    /**
     * Reads a text a reader typed, normalized first.
     *
     * @param text the text, may be null
     * @return the search text, or {@link Rejection.Invalid} naming {@code query} and the problem
     *         (missing, blank, longer than {@value #MAX_LENGTH} characters, control characters,
     *         broken characters)
     */
    public static Either<Rejection, SearchText> parse(String text) {
        return Identifiers.parse("query", problem(text), () -> new SearchText(normalize(text)));
    }

    private static String problem(String text) {
        if (text == null) {
            return "is required";
        }
        // checked before normalizing, so that a huge input costs one scan and no copies
        if (text.length() > MAX_LENGTH * 4) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        String broken = Texts.characterProblem(text, true);
        if (broken != null) {
            return broken;
        }
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return "must not be blank";
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        return null;
    }

    private static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
