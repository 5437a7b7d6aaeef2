package dev.helpdesk.spi.channel;

import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;

/**
 * Where an {@link AttachmentStore} keeps one attachment's bytes. Chosen by the store when it
 * takes the bytes; the ticket keeps it in its {@link AttachmentRef}.
 *
 * <p>A key is 1 to 512 characters of ASCII letters, digits, {@code .}, {@code _}, {@code -}
 * and {@code /}, split by {@code /} into non-empty segments none of which is {@code .} or
 * {@code ..} and which do not start with {@code .}: a key read back from storage or a request
 * can never name a place outside the store.
 *
 * @param value the key
 */
public record StorageKey(String value) {
    /** The longest value, in code points. */
    public static final int MAX_LENGTH = 512;

    /**
     * Checks the value.
     *
     * @param value the key
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid storage key
     */
    public StorageKey {
        ChannelTexts.trusted("storage key", value, problem(value), v -> v);
    }

    /**
     * Makes a storage key from a value the host trusts (written in code or read from its own storage).
     *
     * @param value the value
     * @return the storage key
     * @throws dev.helpdesk.spi.ConfigurationException when the value is not a valid storage key
     */
    public static StorageKey of(String value) {
        return new StorageKey(value);
    }

    /**
     * Makes a storage key from input that arrived at run time.
     *
     * @param value the value, may be null
     * @return the storage key, or a {@link Rejection.Invalid} naming the field {@code storage key} and the problem
     */
    public static Either<Rejection, StorageKey> parse(String value) {
        return ChannelTexts.parsed("storage key", value, problem(value), StorageKey::new);
    }

    private static String problem(String value) {
        if (value == null) {
            return "must be present";
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return "must be 1-" + MAX_LENGTH + " characters";
        }
        if (!value.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '/')) {
            return "must be ASCII letters, digits, ., _, - and /";
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return "must be non-empty segments not starting with .";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
