package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.internal.Configured;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A knowledge-base article of one tenant with every version it has had, which of them readers
 * see, and whether it is archived.
 *
 * <p>The {@link #status()} follows from these: {@link ArticleStatus#DRAFT} until a version is
 * published, then {@link ArticleStatus#PUBLISHED}, and {@link ArticleStatus#ARCHIVED} once
 * archived. Editing a published article adds a version after the published one; readers go on
 * seeing {@link #published()} until that {@link #draft()} is published in turn.
 *
 * <p>{@link #revision()} counts the changes (each new version, each publication, the archiving),
 * for optimistic locking in the {@link KnowledgeStore}: a change is saved only over the revision
 * it was made from.
 */
@Value.Immutable
public abstract class Article {
    /** The most versions one article keeps. */
    public static final int MAX_VERSIONS = 10_000;

    Article() {
    }

    /**
     * A builder; {@code build()} throws {@link dev.helpdesk.spi.ConfigurationException} naming every
     * missing or bad part.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tenant it belongs to.
     *
     * @return the tenant
     */
    public abstract TenantId tenant();

    /**
     * Its id, the same in every version and locale.
     *
     * @return the id
     */
    public abstract ArticleId id();

    /**
     * Every version, oldest first, numbered 1, 2, 3 … without gaps, in time order.
     *
     * @return the versions, at least one
     */
    public abstract List<ArticleVersion> versions();

    /**
     * The number of the version readers see.
     *
     * @return the published version's number, empty while it was never published
     */
    public abstract Optional<Integer> publishedVersion();

    /**
     * Whether it was taken out of use.
     *
     * @return true when archived
     */
    @Value.Default
    public boolean archived() {
        return false;
    }

    /**
     * How many changes it has had: the optimistic-locking version a store compares.
     *
     * @return the revision, at least 1
     */
    public abstract long revision();

    /**
     * Where it is in its life.
     *
     * @return draft, published or archived
     */
    public ArticleStatus status() {
        if (archived()) {
            return ArticleStatus.ARCHIVED;
        }
        return publishedVersion().isPresent() ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
    }

    /**
     * The newest version, published or not.
     *
     * @return the last version
     */
    public ArticleVersion latest() {
        return versions().get(versions().size() - 1);
    }

    /**
     * The version readers see while it is published.
     *
     * @return that version; empty for a draft or an archived article
     */
    public Optional<ArticleVersion> published() {
        if (archived()) {
            return Optional.empty();
        }
        return publishedVersion().map(n -> versions().get(n - 1));
    }

    /**
     * The version being written: the newest, when it is newer than the published one.
     *
     * @return the draft; empty when the newest version is the published one, or when archived
     */
    public Optional<ArticleVersion> draft() {
        if (archived() || publishedVersion().filter(n -> n == versions().size()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(latest());
    }

    @Value.Check
    void check() {
        List<FieldError> errors = new ArrayList<>();
        List<ArticleVersion> versions = versions();
        if (versions.isEmpty()) {
            errors.add(new FieldError("versions", "must hold at least one version"));
        } else if (versions.size() > MAX_VERSIONS) {
            errors.add(new FieldError("versions", "must hold at most " + MAX_VERSIONS + " versions"));
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                errors.add(new FieldError("versions", "must be numbered 1, 2, 3 … in order; found "
                        + versions.get(i).number() + " at position " + (i + 1)));
                break;
            }
            if (i > 0 && versions.get(i).at().isBefore(versions.get(i - 1).at())) {
                errors.add(new FieldError("versions", "must be in time order; version " + (i + 1)
                        + " is older than version " + i));
                break;
            }
        }
        publishedVersion().filter(n -> n < 1 || n > versions.size()).ifPresent(n -> errors.add(
                new FieldError("published version", "must name one of the versions 1-" + versions.size() + ", not " + n)));
        if (revision() < versions.size()) {
            errors.add(new FieldError("revision", "must count at least one change per version: " + revision()
                    + " < " + versions.size()));
        }
        Configured.check("article " + id(), errors);
    }

    /** Builds an {@link Article}. */
    public static final class Builder extends ImmutableArticle.Builder {
        Builder() {
        }
    }
}
