package dev.helpdesk.spi.party;

import java.util.Objects;

/** The shared rule for party identifiers. */
final class Ids {
    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static void check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!isValid(value)) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_LENGTH
                    + " characters without control characters");
        }
    }

    static boolean isValid(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.codePoints().noneMatch(Character::isISOControl);
    }
}
