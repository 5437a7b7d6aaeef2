package dev.helpdesk.core.phone;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.channel.CustomerDirectory;
import dev.helpdesk.spi.party.GroupId;
import dev.helpdesk.spi.phone.CallLog;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Category;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the desk's hotline works: when it is open, where callback requests go and how fast they
 * are due, which customer a number belongs to, and where calls are logged.
 *
 * <pre>{@code
 * PhoneSettings hotline = PhoneSettings.builder()
 *     .hours(officeHours)                       // a call outside them leaves a callback request
 *     .directory(crmCustomers)                  // the caller's number -> the customer
 *     .callbackTarget(SlaTarget.businessTime(Duration.ofHours(2), officeHours.id()))
 *     .callLog(jdbcStore.callLog())             // default: in memory
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class PhoneSettings {
    /** The category of callback requests unless another is set. */
    public static final Category CALLBACK = new Category("customer.callback");

    PhoneSettings() {
    }

    /**
     * Starts the settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The hotline's hours: a call that arrives while this calendar is closed leaves a callback
     * request.
     *
     * @return the calendar
     */
    public abstract BusinessCalendar hours();

    /**
     * Resolves a caller's number to a customer (and may register an unknown caller).
     *
     * @return the directory
     */
    public abstract CustomerDirectory directory();

    /**
     * The category of callback requests. The desk adds it to its categories; SLA policies that
     * name it give callbacks their own targets.
     *
     * @return the category, {@link #CALLBACK} unless set
     */
    @Value.Default
    public Category callbackCategory() {
        return CALLBACK;
    }

    /**
     * How soon a callback is due: the first-response target of an SLA policy for the callback
     * category that the desk tries before every other policy. Empty leaves callbacks to the
     * host's own policies.
     *
     * @return the target
     */
    public abstract Optional<SlaTarget> callbackTarget();

    /**
     * The group callback requests are queued in; empty for none.
     *
     * @return the group
     */
    public abstract Optional<GroupId> callbackGroup();

    /**
     * Where calls are logged.
     *
     * @return the log, a new in-memory log unless set
     */
    @Value.Default
    public CallLog callLog() {
        return new InMemoryCallLog();
    }

    /**
     * The SLA policy of callbacks that {@link #callbackTarget()} makes.
     *
     * @return the policy, named {@code callback}
     */
    public Optional<SlaPolicy> callbackPolicy() {
        return callbackTarget().map(t -> SlaPolicy.builder("callback").whenCategory(callbackCategory()).firstResponse(t)
                .build());
    }

    /**
     * Builds the settings; a missing part throws {@link dev.helpdesk.spi.ConfigurationException}
     * naming it. Not thread-safe.
     */
    public static final class Builder extends ImmutablePhoneSettings.Builder {
        Builder() {
        }
    }
}
