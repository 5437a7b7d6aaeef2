package dev.helpdesk.jdbc.outbox;

/**
 * Makes text that came from outside the desk (a listener's exception message) safe to store in
 * any database: NUL (which PostgreSQL refuses in text) and other control characters except tab
 * and line breaks become U+FFFD, unpaired surrogates (which no UTF-8 column can hold) become
 * U+FFFD, and the text is cut to a number of code points, never inside a pair.
 */
final class SafeText {
    /** The longest stored listener error, in code points; the column holds 1000 characters. */
    static final int ERROR_LENGTH = 900;
    private static final char REPLACEMENT = '\uFFFD';

    private SafeText() {
    }

    static String of(String text, int maxCodePoints) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), maxCodePoints));
        int count = 0;
        for (int i = 0; i < text.length() && count < maxCodePoints; count++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                safe.append(ch).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean control = Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r';
            safe.append(Character.isSurrogate(ch) || control ? REPLACEMENT : ch);
            i++;
        }
        return safe.toString();
    }
}
