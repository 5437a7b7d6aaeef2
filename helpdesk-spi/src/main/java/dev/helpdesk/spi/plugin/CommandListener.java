package dev.helpdesk.spi.plugin;

import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;

/**
 * Told the outcome of every command a host gives a tenant's ticket desk ({@code open},
 * {@code execute} and the shortcuts built on them): for metrics and audit of what was asked,
 * including what was refused, which leaves no event. Called on the caller's thread right after
 * the command returns, so it must be quick and must not throw (a listener that throws is
 * ignored). An accepted command inside a host transaction may still roll back; what was
 * committed is told to {@link EventListener}s.
 */
public interface CommandListener extends HelpdeskPlugin {

    /**
     * A command was accepted.
     *
     * @param tenant  the tenant
     * @param command the command's type, such as {@code Open}, {@code Reply}, {@code Assign}
     */
    void accepted(TenantId tenant, String command);

    /**
     * A command was rejected.
     *
     * @param tenant    the tenant
     * @param command   the command's type
     * @param rejection why
     */
    void rejected(TenantId tenant, String command, Rejection rejection);
}
