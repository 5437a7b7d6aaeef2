package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The way a request reached the desk. The well-known channels are constants; a host can
 * define its own with {@link #of(String)} (for instance {@code WHATSAPP}).
 *
 * <p>A code is 1 to 32 characters of upper-case letters, digits and {@code '_'}.
 *
 * @param code the channel's code
 */
public record Channel(String code) {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9_]{1,32}");

    /** The hotline: real time. */
    public static final Channel PHONE = new Channel("PHONE");
    /** Email: asynchronous, commonly promised within one business day. */
    public static final Channel EMAIL = new Channel("EMAIL");
    /** Live chat: real time. */
    public static final Channel LIVE_CHAT = new Channel("LIVE_CHAT");
    /** A web form on the host's site. */
    public static final Channel WEB_FORM = new Channel("WEB_FORM");
    /** The self-service portal and knowledge base. */
    public static final Channel SELF_SERVICE = new Channel("SELF_SERVICE");
    /** A post in a community forum. */
    public static final Channel COMMUNITY_FORUM = new Channel("COMMUNITY_FORUM");
    /** A remote session: the agent controls the customer's device, with recorded consent. */
    public static final Channel REMOTE_SESSION = new Channel("REMOTE_SESSION");
    /** A technician on site: scheduled, the most expensive channel. */
    public static final Channel ON_SITE = new Channel("ON_SITE");
    /** Another system through the host's API. */
    public static final Channel API = new Channel("API");
    /** Social media. */
    public static final Channel SOCIAL = new Channel("SOCIAL");

    private static final List<Channel> WELL_KNOWN = List.of(PHONE, EMAIL, LIVE_CHAT, WEB_FORM,
            SELF_SERVICE, COMMUNITY_FORUM, REMOTE_SESSION, ON_SITE, API, SOCIAL);

    /**
     * Checks the code, as {@link #of(String)} does.
     *
     * @param code the channel's code
     * @throws dev.helpdesk.spi.ConfigurationException when it is not a valid code
     */
    public Channel {
        Identifiers.check("channel", problem(code));
    }

    /**
     * Makes a channel from a value written in the host's code, which is trusted to be valid.
     *
     * @param code the code
     * @return the channel
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the code is not valid
     */
    public static Channel of(String code) {
        return new Channel(code);
    }

    /**
     * Reads a channel typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the channel, or {@link Rejection.Invalid} naming {@code channel} and the problem
     */
    public static Either<Rejection, Channel> parse(String text) {
        return Identifiers.parse("channel", problem(text), () -> new Channel(text));
    }

    private static String problem(String code) {
        return Identifiers.patternProblem(code, VALID, "must be 1-32 of upper-case letters, digits and '_'");
    }

    /**
     * Tells whether a string is a well-formed channel code, without throwing.
     *
     * @param code a candidate, may be null
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isValid(String code) {
        return code != null && VALID.matcher(code).matches();
    }

    /**
     * The channels every desk knows.
     *
     * @return the well-known channels, in a fixed order
     */
    public static List<Channel> wellKnown() {
        return WELL_KNOWN;
    }

    /**
     * Tells whether the customer waits on the line while the desk answers.
     *
     * @return true for phone, live chat and remote sessions
     */
    public boolean isRealTime() {
        return equals(PHONE) || equals(LIVE_CHAT) || equals(REMOTE_SESSION);
    }

    @Override
    public String toString() {
        return code;
    }

    /**
     * Equal when the codes are equal. Written out rather than generated: ids are compared and
     * hashed on every command, and a plain field comparison stays cheap wherever it is called.
     *
     * @param other the object to compare with
     * @return whether it is the same Channel
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Channel that && code.equals(that.code);
    }

    /**
     * The code's hash.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return code.hashCode();
    }
}
