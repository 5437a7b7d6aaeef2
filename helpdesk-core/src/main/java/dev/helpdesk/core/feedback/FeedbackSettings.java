package dev.helpdesk.core.feedback;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.feedback.SatisfactionScale;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * How satisfaction surveys work on a desk: the host's secret that signs survey tokens, how long
 * a token stays valid, and the scale each tenant's customers answer on.
 *
 * <p>{@code build()} throws a {@link ConfigurationException} naming every bad field: a secret
 * shorter than 32 bytes, a lifetime that is not positive or longer than a year.
 */
@Value.Immutable
public abstract class FeedbackSettings {
    /** The shortest secret accepted, in bytes (the output size of HMAC-SHA256). */
    public static final int MIN_SECRET_BYTES = 32;

    FeedbackSettings() {
    }

    /**
     * The host's secret for HMAC-SHA256 signatures of survey tokens. Keep it out of the code;
     * changing it invalidates every token handed out.
     *
     * @return at least {@value #MIN_SECRET_BYTES} bytes
     */
    @Value.Redacted
    public abstract byte[] secret();

    /**
     * How long a survey token may be answered after it was handed out.
     *
     * @return positive, at most 365 days; 14 days by default
     */
    @Value.Default
    public Duration surveyLifetime() {
        return Duration.ofDays(14);
    }

    /**
     * The scale of tenants without one of their own.
     *
     * @return {@link SatisfactionScale#ONE_TO_FIVE} by default
     */
    @Value.Default
    public SatisfactionScale defaultScale() {
        return SatisfactionScale.ONE_TO_FIVE;
    }

    /**
     * The scales of tenants that differ from {@link #defaultScale()}.
     *
     * @return scales by tenant
     */
    public abstract Map<TenantId, SatisfactionScale> scales();

    /**
     * The scale a tenant's customers answer on.
     *
     * @param tenant the tenant
     * @return its scale
     */
    public SatisfactionScale scaleOf(TenantId tenant) {
        return scales().getOrDefault(tenant, defaultScale());
    }

    // --- a survey sent on solve ---

    /**
     * The tenants whose requesters get a survey notice (through the desk's {@code Notifier}s, in
     * their language) each time their ticket is solved.
     *
     * @return the tenants; none by default
     */
    public abstract java.util.Set<TenantId> surveyOnSolve();

    /**
     * The survey link sent on solve, with {@code {token}} where the survey token goes, such as
     * {@code https://support.example.com/survey?t={token}}. Required when
     * {@link #surveyOnSolve()} names a tenant.
     *
     * @return the link template
     */
    public abstract java.util.Optional<String> surveyLink();

    @Value.Check
    void check() {
        List<FieldError> problems = new ArrayList<>();
        if (!surveyOnSolve().isEmpty() && surveyLink().isEmpty()) {
            problems.add(new FieldError("surveyLink", "is required when surveyOnSolve names tenants"));
        }
        surveyLink().filter(l -> !l.contains("{token}") || l.chars().anyMatch(c -> c <= ' '))
                .ifPresent(l -> problems.add(new FieldError("surveyLink", "must contain {token} and no spaces or control characters")));
        if (secret().length < MIN_SECRET_BYTES) {
            problems.add(new FieldError("secret", "must be at least " + MIN_SECRET_BYTES + " bytes, not " + secret().length));
        }
        if (surveyLifetime().isNegative() || surveyLifetime().isZero() || surveyLifetime().compareTo(Duration.ofDays(365)) > 0) {
            problems.add(new FieldError("surveyLifetime", "must be positive and at most 365 days: " + surveyLifetime()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("feedback settings", problems);
        }
    }

    /**
     * A builder; {@code build()} throws {@link ConfigurationException} naming every bad or
     * missing field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FeedbackSettings}. */
    public static final class Builder extends ImmutableFeedbackSettings.Builder {
        Builder() {
        }
    }
}
