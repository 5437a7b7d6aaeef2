package dev.helpdesk.spi.knowledge;

import java.nio.charset.StandardCharsets;

/** The shared rules for the texts of the knowledge contract. */
final class Texts {
    private Texts() {
    }

    /**
     * The problem with a one-line text: present, not blank, at most {@code max} code points, no
     * control characters, line breaks or unpaired surrogates.
     */
    static String lineProblem(String value, int max) {
        if (value == null) {
            return "is required";
        }
        if (value.isBlank()) {
            return "must not be blank";
        }
        String broken = characterProblem(value, false);
        if (broken != null) {
            return broken;
        }
        if (value.codePointCount(0, value.length()) > max) {
            return "must be at most " + max + " characters";
        }
        return null;
    }

    /**
     * The problem with a multi-line text: present, at most {@code maxBytes} in UTF-8, no control
     * characters but line feed, carriage return and tab, no unpaired surrogates.
     */
    static String textProblem(String value, int maxBytes) {
        if (value == null) {
            return "is required";
        }
        String broken = characterProblem(value, true);
        if (broken != null) {
            return broken;
        }
        // a UTF-8 byte count bounded above by three bytes a char: skip the encoding when it cannot exceed
        if ((long) value.length() * 3 > maxBytes && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            return "must be at most " + maxBytes + " bytes in UTF-8";
        }
        return null;
    }

    static String characterProblem(String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must not contain unpaired surrogates";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogates";
            } else if (lines ? Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
                    : Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                return lines ? "must not contain control characters" : "must be one line without control characters";
            }
        }
        return null;
    }
}
