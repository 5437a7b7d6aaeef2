package dev.helpdesk.core.sla;

import dev.helpdesk.core.internal.sla.SlaRuntime;

import static dev.helpdesk.core.sla.Story.OFFICE_HOURS;
import static dev.helpdesk.core.sla.Story.hours;
import static dev.helpdesk.core.sla.Story.openedByCustomer;
import static dev.helpdesk.core.sla.Story.policy;
import static dev.helpdesk.core.sla.Story.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.CustomerSegment;
import dev.helpdesk.spi.sla.CustomerSegments;
import dev.helpdesk.spi.sla.SlaConfiguration;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Ticket;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Policies as data: validation, selection by ordered conditions, and re-evaluation when the ticket changes. */
class SlaPolicyTest {
    static final SlaPolicy HIGH = policy("high", b -> b.whenPriority(Priority.HIGH, Priority.URGENT)
            .firstResponse(hours(1)).resolution(hours(8)));
    static final SlaPolicy NORMAL = policy("normal", b -> b.firstResponse(hours(4)).resolution(hours(16)));

    static SlaRuntime runtime(CustomerSegments segments, SlaPolicy... policies) {
        return SlaRuntime.of(SlaConfiguration.of(List.of(OFFICE_HOURS), List.of(policies)), segments);
    }

    static SlaRuntime runtime(SlaPolicy... policies) {
        return runtime(CustomerSegments.NONE, policies);
    }

    static List<String> fields(ConfigurationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_policy_with_every_part_wrong_names_every_part_at_once() {
        ConfigurationException r = assertThrows(ConfigurationException.class, () -> SlaPolicy.builder(" bad\nname")
                .whenPriority().whenChannel(Channel.EMAIL).whenChannel(Channel.PHONE)
                .pauseWhen(Status.OPEN).warnAt(0, 75, 75, 100).build());
        assertEquals(List.of("conditions[0].priority", "name", "conditions[1]", "targets", "pauseStatuses",
                "warningPercents", "warningPercents", "warningPercents"), fields(r));
    }

    @Test
    void a_target_is_positive_and_bounded() {
        assertTrue(assertThrows(ConfigurationException.class, () -> SlaTarget.calendarTime(Duration.ZERO)).names("amount"));
        assertThrows(ConfigurationException.class, () -> SlaTarget.calendarTime(Duration.ofDays(3651)));
        assertEquals(Duration.ofMinutes(45), hours(1).percent(75));
    }

    @Test
    void a_valid_policy_is_canonical_and_survives_an_edit_round_trip() {
        SlaPolicy p = SlaPolicy.builder("vip").whenSegment(CustomerSegment.of("vip")).resolution(hours(8))
                .firstResponse(hours(1)).warnAt(90, 50).build();
        assertEquals(List.of(50, 90), p.warningPercents());
        assertEquals(List.of(ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION), List.copyOf(p.targets().keySet()));
        assertEquals(p, p.toBuilder().build());
        assertEquals(SlaPolicy.DEFAULT_PAUSE_STATUSES, p.pauseStatuses());
    }

    @Test
    void a_configuration_names_unknown_calendars_repeated_names_and_policies_after_the_fallback() {
        SlaPolicy elsewhere = policy("elsewhere", b -> b.whenChannel(Channel.PHONE)
                .firstResponse(SlaTarget.businessHours(1, CalendarId.of("nowhere"))));
        ConfigurationException r = assertThrows(ConfigurationException.class,
                () -> SlaConfiguration.of(List.of(OFFICE_HOURS, OFFICE_HOURS), List.of(NORMAL, elsewhere, NORMAL)));
        assertEquals(List.of("calendars[1].id", "policies[1]", "policies[1].targets.FIRST_RESPONSE",
                "policies[2].name", "policies[2]"), fields(r));
    }

    @Test
    void a_calendar_without_weekly_hours_cannot_carry_a_target() {
        BusinessCalendar never = BusinessCalendar.builder().id("never").zone(ZoneId.of("UTC")).build();
        SlaPolicy p = policy("p", b -> b.resolution(SlaTarget.businessHours(1, never.id())));
        ConfigurationException r = assertThrows(ConfigurationException.class,
                () -> SlaConfiguration.of(List.of(never), List.of(p)));
        assertTrue(r.getMessage().contains("no weekly opening hours"), r.getMessage());
    }

    @Test
    void the_first_matching_policy_wins_and_the_fallback_takes_the_rest() {
        SlaRuntime sla = runtime(HIGH, NORMAL);
        Ticket urgent = Story.opened("Mon 09:00", Story.CAROL, Priority.URGENT).ticket();
        Ticket low = Story.opened("Mon 09:00", Story.CAROL, Priority.LOW).ticket();
        assertEquals(Optional.of(HIGH), sla.policyFor(urgent));
        assertEquals(Optional.of(NORMAL), sla.policyFor(low));
    }

    @Test
    void without_a_matching_policy_a_ticket_has_no_clocks() {
        Story story = openedByCustomer("Mon 09:00");
        SlaRuntime sla = runtime(HIGH);
        assertEquals(Optional.empty(), sla.policyFor(story.ticket()));
        assertEquals(List.of(), sla.clocks(story.ticket(), story.events(), t("Mon 10:00")));
        assertEquals(Optional.empty(), sla.nextDeadline(story.ticket(), story.events()));
    }

    @Test
    void a_category_condition_covers_the_categories_below_it() {
        SlaPolicy technical = policy("technical", b -> b.whenCategory(Category.of("technical")).resolution(hours(8)));
        SlaPolicy billing = policy("billing", b -> b.whenCategory(Category.BILLING).resolution(hours(8)));
        Ticket hardware = openedByCustomer("Mon 09:00").ticket();
        assertTrue(technical.matches(hardware, Optional.empty()));
        assertTrue(!billing.matches(hardware, Optional.empty()));
        assertTrue(!policy("tech", b -> b.whenCategory(Category.of("tech")).resolution(hours(8)))
                .matches(hardware, Optional.empty()), "an area matches whole parts only");
    }

    @Test
    void channel_and_tenant_conditions_must_all_hold() {
        SlaPolicy acmeMail = policy("acme-mail", b -> b.whenChannel(Channel.EMAIL).whenTenant(TenantId.of("acme"))
                .resolution(hours(8)));
        SlaPolicy globexMail = policy("globex-mail", b -> b.whenChannel(Channel.EMAIL).whenTenant(TenantId.of("globex"))
                .resolution(hours(8)));
        Ticket ticket = openedByCustomer("Mon 09:00").ticket();
        assertTrue(acmeMail.matches(ticket, Optional.empty()));
        assertTrue(!globexMail.matches(ticket, Optional.empty()));
    }

    @Test
    void a_segment_condition_asks_the_host_only_when_a_policy_needs_it() {
        AtomicInteger lookups = new AtomicInteger();
        CustomerSegments crm = (tenant, customer) -> {
            lookups.incrementAndGet();
            return customer.value().equals("carol") ? Optional.of(CustomerSegment.of("vip")) : Optional.empty();
        };
        SlaPolicy vip = policy("vip", b -> b.whenSegment(CustomerSegment.of("vip")).firstResponse(hours(1)));
        Ticket urgent = Story.opened("Mon 09:00", Story.CAROL, Priority.URGENT).ticket();
        Ticket normal = openedByCustomer("Mon 09:00").ticket();
        assertEquals(Optional.of(HIGH), runtime(crm, HIGH, vip, NORMAL).policyFor(urgent));
        assertEquals(0, lookups.get());
        assertEquals(Optional.of(vip), runtime(crm, HIGH, vip, NORMAL).policyFor(normal));
        assertEquals(1, lookups.get());
    }

    @Test
    void raising_the_priority_recomputes_every_clock_from_its_start_under_the_stricter_policy() {
        SlaRuntime sla = runtime(HIGH, NORMAL);
        Story story = openedByCustomer("Mon 09:00").priority("Mon 09:30", Priority.HIGH);
        List<ClockState> clocks = sla.clocks(story.ticket(), story.events(), t("Mon 09:45"));
        ClockState fr = clocks.get(0);
        assertEquals("high", fr.policy());
        assertEquals(t("Mon 10:00"), fr.dueAt(), "counted from the opening, not from the change");
        assertEquals(Optional.of(t("Mon 09:45")), sla.nextDeadline(story.ticket(), story.events()));
        story.priority("Mon 11:00", Priority.NORMAL);
        assertEquals(ClockStatus.RUNNING, sla.clocks(story.ticket(), story.events(), t("Mon 11:00")).get(0).status());
    }

    @Test
    void a_policy_change_keeps_the_time_spent_paused() {
        Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").pending("Mon 11:00")
                .customerReplies("Tue 10:00").priority("Tue 10:30", Priority.HIGH);
        SlaRuntime sla = runtime(HIGH, NORMAL);
        ClockState resolution = sla.clocks(story.ticket(), story.events(), t("Tue 11:00")).stream()
                .filter(c -> c.kind() == ClockKind.RESOLUTION).findFirst().orElseThrow();
        assertEquals("high", resolution.policy());
        assertEquals(Duration.ofHours(7), resolution.paused(), "Mon 11-17 and Tue 9-10");
        assertEquals(Duration.ofHours(3), resolution.elapsed());
        assertEquals(t("Tue 16:00"), resolution.dueAt());
    }
}
