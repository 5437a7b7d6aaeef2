package dev.helpdesk.core.sla;

import static dev.helpdesk.core.sla.Story.CALENDARS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.core.ticket.TicketCommand;
import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 10, item 14: a clock is breached only after its due instant. At the instant itself a due
 * run records no breach and a reply is on time; one nanosecond later the breach is due.
 */
class BreachBoundaryProperties {
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private static Story opened(int day, int minuteOfDay) {
        return Story.openedByCustomer(DAYS.get(day) + " " + String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60));
    }

    private static ClockState firstResponse(Story story, SlaPolicy policy, Instant at) {
        return SlaClocks.evaluate(story.events(), policy, CALENDARS, at).stream()
                .filter(c -> c.kind() == ClockKind.FIRST_RESPONSE).findFirst().orElseThrow();
    }

    private static boolean breached(List<TicketEvent> events) {
        return events.stream().anyMatch(e -> e instanceof TicketEvent.SlaBreached);
    }

    @Property(tries = 300)
    void a_due_run_at_the_due_instant_records_no_breach_and_one_just_after_does(
            @ForAll @IntRange(min = 0, max = 6) int day, @ForAll @IntRange(min = 0, max = 1439) int minute,
            @ForAll @IntRange(min = 1, max = 900) int targetMinutes, @ForAll boolean business) {
        SlaPolicy policy = Story.policy("fr", b -> b.firstResponse(business ? Story.minutes(targetMinutes)
                : dev.helpdesk.spi.sla.SlaTarget.calendarTime(Duration.ofMinutes(targetMinutes))).warnAt());
        Story story = opened(day, minute);
        Instant due = firstResponse(story, policy, story.ticket().createdAt()).dueAt();

        assertNotEquals(ClockStatus.BREACHED, firstResponse(story, policy, due).status());
        assertTrue(!breached(SlaClocks.due(story.ticket(), story.events(), policy, CALENDARS, due, Story.SLA)));
        assertEquals(ClockStatus.BREACHED, firstResponse(story, policy, due.plusNanos(1)).status());
        List<TicketEvent> after = SlaClocks.due(story.ticket(), story.events(), policy, CALENDARS, due.plusNanos(1), Story.SLA);
        assertEquals(List.of(due), after.stream().filter(e -> e instanceof TicketEvent.SlaBreached)
                .map(e -> ((TicketEvent.SlaBreached) e).dueAt()).toList());
        assertEquals(due.plusNanos(1), SlaClocks.nextDeadline(story.events(), policy, CALENDARS).orElseThrow());
    }

    @Property(tries = 300)
    void a_reply_at_the_due_instant_is_on_time_and_never_leaves_a_breach(
            @ForAll @IntRange(min = 0, max = 6) int day, @ForAll @IntRange(min = 0, max = 1439) int minute,
            @ForAll @IntRange(min = 1, max = 900) int targetMinutes, @ForAll @IntRange(min = 0, max = 3) int runs) {
        SlaPolicy policy = Story.policy("fr", b -> b.firstResponse(Story.minutes(targetMinutes)).warnAt());
        Story story = opened(day, minute);
        Instant due = firstResponse(story, policy, story.ticket().createdAt()).dueAt();
        if (runs > 0) {
            // a due run at the very instant of the reply, before it
            assertTrue(!breached(SlaClocks.due(story.ticket(), story.events(), policy, CALENDARS, due, Story.SLA)));
        }
        story.does(due, Story.ANA, new TicketCommand.Reply("Here is the fix.", Channel.EMAIL));

        Instant later = due.plus(Duration.ofDays(runs * 3L));
        assertEquals(ClockStatus.ACHIEVED, firstResponse(story, policy, later).status());
        assertTrue(!breached(SlaClocks.due(story.ticket(), story.events(), policy, CALENDARS, later, Story.SLA)));
        assertTrue(SlaClocks.nextDeadline(story.events(), policy, CALENDARS).isEmpty());
    }
}
