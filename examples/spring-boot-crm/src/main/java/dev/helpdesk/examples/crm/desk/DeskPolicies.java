package dev.helpdesk.examples.crm.desk;

import dev.helpdesk.examples.crm.directory.CrmAgentDirectory;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.escalation.Action;
import dev.helpdesk.spi.escalation.EscalationRule;
import dev.helpdesk.spi.escalation.Trigger;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Northwind's service levels, as the CRM's contracts promise them: enterprise accounts get an
 * answer within the hour, business accounts within four, starter accounts within eight; counted
 * around the clock (the support desk is staffed 24x7). Technicians visit in office hours.
 */
public final class DeskPolicies {
    /** The office in Amsterdam, where technicians are planned from: Monday to Friday, 09:00-17:00. */
    public static final BusinessCalendar OFFICE = BusinessCalendar.builder().id(CalendarId.of("amsterdam-office"))
            .zone(ZoneId.of("Europe/Amsterdam")).open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00").build();

    /** Enterprise accounts: an answer within an hour, solved within eight. */
    public static final SlaPolicy ENTERPRISE = SlaPolicy.builder("enterprise")
            .whenSegment(CustomerSegment.of("enterprise"))
            .firstResponse(SlaTarget.calendarTime(Duration.ofHours(1)))
            .nextResponse(SlaTarget.calendarTime(Duration.ofHours(2)))
            .resolution(SlaTarget.calendarTime(Duration.ofHours(8)))
            .warnAt(75).build();
    /** Business accounts: an answer within four hours, solved within a day. */
    public static final SlaPolicy BUSINESS = SlaPolicy.builder("business")
            .whenSegment(CustomerSegment.of("business"))
            .firstResponse(SlaTarget.calendarTime(Duration.ofHours(4)))
            .nextResponse(SlaTarget.calendarTime(Duration.ofHours(8)))
            .resolution(SlaTarget.calendarTime(Duration.ofHours(24)))
            .warnAt(75).build();
    /** Everyone else: an answer within eight hours, solved within three days. */
    public static final SlaPolicy STARTER = SlaPolicy.builder("starter")
            .firstResponse(SlaTarget.calendarTime(Duration.ofHours(8)))
            .nextResponse(SlaTarget.calendarTime(Duration.ofHours(24)))
            .resolution(SlaTarget.calendarTime(Duration.ofHours(72)))
            .warnAt(75).build();

    /** A missed resolution goes up to L2, and the account's manager hears of it. */
    public static final EscalationRule RESOLUTION_BREACH = EscalationRule.builder("resolution-breach")
            .on(new Trigger.SlaBreach(ClockKind.RESOLUTION))
            .then(new Action.RaiseTier(Optional.of(Tier.L2)),
                    new Action.NotifyRole(CrmAgentDirectory.ACCOUNT_MANAGER, true))
            .reason("Not solved in time: a specialist takes over and the account manager is told")
            .build();

    /** Every policy, most specific first. */
    public static final List<SlaPolicy> POLICIES = List.of(ENTERPRISE, BUSINESS, STARTER);

    private DeskPolicies() {
    }
}
