package dev.helpdesk.email.parse;

/**
 * Reads {@code text/plain; format=flowed} (RFC 3676): a line that ends in a space continues on
 * the next line of the same quote depth; a leading space that protects a line starting with a
 * space, {@code >} or {@code From} is removed; with {@code delsp=yes} the trailing space itself
 * goes too. The signature separator {@code "-- "} is never flowed.
 */
final class FormatFlowed {
    private FormatFlowed() {
    }

    static String decode(String text, boolean delSp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = -1;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean signature = line.equals("-- ");
            boolean flowed = !signature && line.endsWith(" ");
            if (paragraph != null && depth != paragraphDepth) {
                emit(out, paragraphDepth, paragraph);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(flowed && delSp ? line.substring(0, line.length() - 1) : line);
            if (!flowed) {
                emit(out, depth, paragraph);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            emit(out, paragraphDepth, paragraph);
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private static void emit(StringBuilder out, int depth, CharSequence line) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(line).append('\n');
    }
}
