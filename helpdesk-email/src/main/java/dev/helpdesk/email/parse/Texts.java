package dev.helpdesk.email.parse;

/** Text made safe to store: no control characters, no unpaired surrogates, lines as asked. */
final class Texts {
    private Texts() {
    }

    /**
     * A body: line breaks become {@code \n}, other control characters go, unpaired surrogates
     * become U+FFFD, trailing spaces of lines go.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                trimTrailing(out);
                out.append('\n');
            } else if (c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        trimTrailing(out);
        return out.toString();
    }

    /** One line: breaks and tabs become spaces, runs of whitespace one space, cut to max code points. */
    static String oneLine(String text, int maxCodePoints) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxCodePoints * 2));
        boolean space = false;
        int count = 0;
        for (int i = 0; i < text.length() && count < maxCodePoints; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (space && out.length() > 0) {
                    out.append(' ');
                    count++;
                    if (count >= maxCodePoints) {
                        break;
                    }
                }
                space = false;
                out.append(c).append(text.charAt(++i));
                count++;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029') {
                space = space || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                    count++;
                    if (count >= maxCodePoints) {
                        break;
                    }
                }
                space = false;
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
                count++;
            }
        }
        return out.toString().strip();
    }

    private static void trimTrailing(StringBuilder out) {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
    }
}
