package dev.helpdesk.spi.ticket;

import dev.helpdesk.spi.internal.Identifiers;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Either;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request is about, as a two-level code {@code area.topic}, such as
 * {@code technical.troubleshooting}. The defaults are the kinds of support a desk handles;
 * a host extends the taxonomy with {@link #of(String)} and registers it on the desk.
 *
 * <p>A code is 1 to 64 characters of lower-case letters, digits, {@code '_'} and {@code '-'},
 * with one or more {@code '.'}-separated parts.
 *
 * @param code the category's code
 */
public record Category(String code) {
    private static final Pattern VALID = Pattern.compile("(?=.{1,64}$)[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    /** Technical support: troubleshooting. */
    public static final Category TROUBLESHOOTING = new Category("technical.troubleshooting");
    /** Technical support: installation and configuration. */
    public static final Category INSTALLATION = new Category("technical.installation");
    /** Technical support: software updates and patches. */
    public static final Category SOFTWARE_UPDATES = new Category("technical.software-updates");
    /** Technical support: remote access and control. */
    public static final Category REMOTE_ACCESS = new Category("technical.remote-access");
    /** Technical support: hardware repair and replacement (guidance, warranty, RMA). */
    public static final Category HARDWARE = new Category("technical.hardware");
    /** Customer support: product information. */
    public static final Category PRODUCT_INFORMATION = new Category("customer.product-information");
    /** Customer support: orders and shipping. */
    public static final Category ORDERS_AND_SHIPPING = new Category("customer.orders-shipping");
    /** Customer support: billing and payment (subscriptions, invoices). */
    public static final Category BILLING = new Category("customer.billing");
    /** Customer support: account management (creation, password reset, security). */
    public static final Category ACCOUNT = new Category("customer.account");
    /** Customer support: complaints and feedback. */
    public static final Category COMPLAINTS = new Category("customer.complaints");
    /** General support: knowledge base and FAQ. */
    public static final Category KNOWLEDGE_BASE = new Category("general.knowledge-base");
    /** General support: tutorials and videos. */
    public static final Category TUTORIALS = new Category("general.tutorials");
    /** General support: questions raised in live chat. */
    public static final Category LIVE_CHAT = new Category("general.live-chat");
    /** General support: questions raised by email. */
    public static final Category EMAIL = new Category("general.email");
    /** General support: community forums. */
    public static final Category COMMUNITY = new Category("general.community");

    private static final List<Category> DEFAULTS = List.of(TROUBLESHOOTING, INSTALLATION,
            SOFTWARE_UPDATES, REMOTE_ACCESS, HARDWARE, PRODUCT_INFORMATION, ORDERS_AND_SHIPPING,
            BILLING, ACCOUNT, COMPLAINTS, KNOWLEDGE_BASE, TUTORIALS, LIVE_CHAT, EMAIL, COMMUNITY);

    /**
     * Checks the code, as {@link #of(String)} does.
     *
     * @param code the category's code
     * @throws dev.helpdesk.spi.ConfigurationException when it is not a valid code
     */
    public Category {
        Identifiers.check("category", problem(code));
    }

    /**
     * Makes a category from a value written in the host's code, which is trusted to be valid.
     *
     * @param code the code
     * @return the category
     * @throws dev.helpdesk.spi.ConfigurationException naming the field when the code is not valid
     */
    public static Category of(String code) {
        return new Category(code);
    }

    /**
     * Reads a category typed by a user or arriving from outside.
     *
     * @param text the text, may be null
     * @return the category, or {@link Rejection.Invalid} naming {@code category} and the problem
     */
    public static Either<Rejection, Category> parse(String text) {
        return Identifiers.parse("category", problem(text), () -> new Category(text));
    }

    private static String problem(String code) {
        return Identifiers.patternProblem(code, VALID, "must be dotted parts of lower-case letters, digits, '_' and '-', at most 64 characters");
    }

    /**
     * Tells whether a string is a well-formed category code, without throwing.
     *
     * @param code a candidate, may be null
     * @return true when {@link #of(String)} accepts it
     */
    public static boolean isValid(String code) {
        return code != null && VALID.matcher(code).matches();
    }

    /**
     * The default taxonomy: technical, customer and general support.
     *
     * @return the default categories, in a fixed order
     */
    public static List<Category> defaults() {
        return DEFAULTS;
    }

    /**
     * The first part of the code: {@code technical}, {@code customer}, {@code general} for the
     * defaults.
     *
     * @return the area
     */
    public String area() {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
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
     * @return whether it is the same Category
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Category that && code.equals(that.code);
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
