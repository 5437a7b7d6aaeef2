package dev.helpdesk.spi.problem;

import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.party.Actor;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem: the single root cause behind a group of incidents. The tickets linked to it are
 * not part of this value: they are in the tickets' histories and come from
 * {@link ProblemStore#linkedTickets}.
 *
 * <p>{@link #revision()} starts at 1 and grows by one with every change a store keeps; a store
 * refuses a change based on an older revision (optimistic locking).
 */
@Value.Immutable
public abstract class Problem {
    /** The longest title, in characters. */
    public static final int MAX_TITLE = 200;
    /** The longest description, root cause or workaround, in characters. */
    public static final int MAX_TEXT = 8000;
    /** The longest version or issue-tracker reference, in characters. */
    public static final int MAX_REFERENCE = 200;

    Problem() {
    }

    /**
     * The problem's id.
     *
     * @return the problem's id
     */
    public abstract ProblemId id();

    /**
     * The tenant it belongs to.
     *
     * @return the tenant it belongs to
     */
    public abstract TenantId tenant();

    /**
     * A one-line title, 1 to {@value #MAX_TITLE} characters.
     *
     * @return a one-line title, 1 to {@value #MAX_TITLE} characters
     */
    public abstract String title();

    /**
     * What is seen (the symptoms), possibly empty.
     *
     * @return what is seen (the symptoms), possibly empty
     */
    @Value.Default
    public String description() {
        return "";
    }

    /**
     * Where it stands.
     *
     * @return where it stands
     */
    public abstract ProblemStatus status();

    /**
     * The root cause, once known.
     *
     * @return the root cause, once known
     */
    public abstract Optional<String> rootCause();

    /**
     * What customers can do meanwhile, once known.
     *
     * @return what customers can do meanwhile, once known
     */
    public abstract Optional<String> workaround();

    /**
     * The knowledge-base article drafted from the workaround, once drafted.
     *
     * @return the knowledge-base article drafted from the workaround, once drafted
     */
    public abstract Optional<ArticleId> workaroundArticle();

    /**
     * The product version that fixes it, once fixed (when the developers named one).
     *
     * @return the product version that fixes it, once fixed (when the developers named one)
     */
    public abstract Optional<String> fixedIn();

    /**
     * The issue in the product's tracker, once handed to the developers and answered.
     *
     * @return the issue in the product's tracker, once handed to the developers and answered
     */
    public abstract Optional<String> trackerReference();

    /**
     * When it was handed to the developers, if it was.
     *
     * @return when it was handed to the developers, if it was
     */
    public abstract Optional<Instant> handedOffAt();

    /**
     * Who recorded it.
     *
     * @return who recorded it
     */
    public abstract Actor createdBy();

    /**
     * When it was recorded.
     *
     * @return when it was recorded
     */
    public abstract Instant createdAt();

    /**
     * When it last changed.
     *
     * @return when it last changed
     */
    public abstract Instant updatedAt();

    /**
     * The revision, from 1.
     *
     * @return the revision, from 1
     */
    @Value.Default
    public long revision() {
        return 1;
    }

    /** Checks the invariants. */
    @Value.Check
    protected void check() {
        if (title().isBlank() || title().length() > MAX_TITLE) {
            throw new IllegalArgumentException("a problem's title is 1-" + MAX_TITLE + " characters: " + title().length());
        }
        if (revision() < 1) {
            throw new IllegalArgumentException("revisions start at 1: " + revision());
        }
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Problem}. */
    public static final class Builder extends ImmutableProblem.Builder {
        Builder() {
        }
    }
}
