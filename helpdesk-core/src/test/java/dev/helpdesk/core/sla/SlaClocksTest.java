package dev.helpdesk.core.sla;

import static dev.helpdesk.core.sla.Story.CALENDARS;
import static dev.helpdesk.core.sla.Story.STANDARD;
import static dev.helpdesk.core.sla.Story.hours;
import static dev.helpdesk.core.sla.Story.openedByCustomer;
import static dev.helpdesk.core.sla.Story.policy;
import static dev.helpdesk.core.sla.Story.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.sla.ClockState;
import dev.helpdesk.spi.sla.ClockStatus;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.ClockKind;
import dev.helpdesk.spi.ticket.Priority;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The meaning of each clock, spelled out on small stories in office hours (Mon-Fri 09:00-17:00, Amsterdam). */
class SlaClocksTest {

    static List<ClockState> clocks(Story story, SlaPolicy policy, String now) {
        return SlaClocks.evaluate(story.events(), policy, CALENDARS, t(now));
    }

    static List<ClockState> clocks(Story story, String now) {
        return clocks(story, STANDARD, now);
    }

    static ClockState clock(List<ClockState> clocks, ClockKind kind, int cycle) {
        return clocks.stream().filter(c -> c.kind() == kind && c.cycle() == cycle).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " cycle " + cycle + " in " + clocks));
    }

    static ClockState firstResponse(Story story, String now) {
        return clock(clocks(story, now), ClockKind.FIRST_RESPONSE, 1);
    }

    static long count(List<ClockState> clocks, ClockKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).count();
    }

    @Nested
    class FirstResponse {
        @Test
        void is_met_by_the_first_public_agent_reply() {
            ClockState fr = firstResponse(openedByCustomer("Mon 09:00").agentReplies("Mon 10:30"), "Mon 15:00");
            assertEquals(ClockStatus.ACHIEVED, fr.status());
            assertEquals(Optional.of(t("Mon 10:30")), fr.stoppedAt());
            assertEquals(t("Mon 13:00"), fr.dueAt());
            assertEquals(Duration.ofMinutes(90), fr.elapsed());
            assertEquals(Duration.ofMinutes(150), fr.remaining());
        }

        @Test
        void an_internal_note_does_not_stop_it() {
            ClockState fr = firstResponse(openedByCustomer("Mon 09:00").agentNotes("Mon 10:00"), "Mon 11:00");
            assertEquals(ClockStatus.RUNNING, fr.status());
            assertEquals(Duration.ofHours(2), fr.elapsed());
        }

        @Test
        void an_automatic_acknowledgement_does_not_stop_it() {
            ClockState fr = firstResponse(openedByCustomer("Mon 09:00").gatewayAcknowledges("Mon 09:01"), "Mon 11:00");
            assertEquals(ClockStatus.RUNNING, fr.status());
        }

        @Test
        void the_description_an_agent_logs_for_a_caller_is_not_a_response() {
            ClockState fr = firstResponse(Story.opened("Mon 09:00", Story.ANA, Priority.NORMAL), "Mon 11:00");
            assertEquals(ClockStatus.RUNNING, fr.status());
            assertEquals(Duration.ofHours(2), fr.remaining());
        }

        @Test
        void a_ticket_opened_at_night_starts_counting_at_the_next_opening() {
            ClockState fr = firstResponse(openedByCustomer("Mon 22:00"), "Tue 08:59");
            assertEquals(t("Tue 13:00"), fr.dueAt());
            assertEquals(t("Mon 22:00"), fr.startedAt());
            assertEquals(Duration.ZERO, fr.elapsed());
            assertEquals(Duration.ofHours(4), fr.remaining());
            assertEquals(ClockStatus.RUNNING, fr.status());
        }

        @Test
        void a_target_carries_over_the_weekend() {
            assertEquals(t("Mon2 11:00"), firstResponse(openedByCustomer("Fri 15:00"), "Sat 12:00").dueAt());
        }

        @Test
        void a_reply_at_the_due_instant_meets_the_target() {
            ClockState fr = firstResponse(openedByCustomer("Mon 13:00").agentReplies("Mon 17:00"), "Mon 18:00");
            assertEquals(ClockStatus.ACHIEVED, fr.status());
            assertEquals(Duration.ZERO, fr.remaining());
        }

        @Test
        void a_reply_in_the_evening_to_a_target_due_at_closing_time_is_late() {
            ClockState fr = firstResponse(openedByCustomer("Mon 13:00").agentReplies("Mon 20:00"), "Mon 21:00");
            assertEquals(ClockStatus.BREACHED, fr.status());
            assertEquals(t("Mon 17:00"), fr.dueAt());
            assertEquals(Duration.ofHours(4), fr.elapsed(), "no business time passed after closing");
        }

        @Test
        void a_running_clock_breaches_once_its_due_time_has_passed() {
            Story story = openedByCustomer("Mon 09:00");
            assertEquals(ClockStatus.RUNNING, firstResponse(story, "Mon 12:59").status());
            assertEquals(ClockStatus.RUNNING, firstResponse(story, "Mon 13:00").status(), "at its due instant a clock is on time");
            assertEquals(ClockStatus.BREACHED, firstResponse(story, "Mon 13:01").status());
            ClockState late = firstResponse(story, "Mon 14:30");
            assertEquals(Duration.ofMinutes(-90), late.remaining());
            assertTrue(late.isRunning());
        }

        @Test
        void solving_without_a_reply_ends_it() {
            ClockState fr = firstResponse(openedByCustomer("Mon 09:00").solved("Mon 10:00"), "Mon 16:00");
            assertEquals(ClockStatus.ACHIEVED, fr.status());
            assertEquals(Optional.of(t("Mon 10:00")), fr.stoppedAt());
        }
    }

    @Nested
    class NextResponse {
        @Test
        void runs_from_the_first_customer_message_after_the_last_agent_reply_to_the_next_agent_reply() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00")
                    .customerReplies("Mon 11:00").customerReplies("Mon 11:30").agentReplies("Mon 12:00")
                    .customerReplies("Mon 13:00");
            List<ClockState> clocks = clocks(story, "Mon 14:00");
            ClockState first = clock(clocks, ClockKind.NEXT_RESPONSE, 1);
            assertEquals(t("Mon 11:00"), first.startedAt(), "a second customer message does not restart the wait");
            assertEquals(Optional.of(t("Mon 12:00")), first.stoppedAt());
            assertEquals(ClockStatus.ACHIEVED, first.status());
            ClockState second = clock(clocks, ClockKind.NEXT_RESPONSE, 2);
            assertEquals(ClockStatus.RUNNING, second.status());
            assertEquals(Duration.ofHours(1), second.elapsed());
            assertEquals(2, count(clocks, ClockKind.NEXT_RESPONSE));
        }

        @Test
        void customer_messages_before_the_first_agent_reply_belong_to_the_first_response() {
            List<ClockState> clocks = clocks(openedByCustomer("Mon 09:00").customerReplies("Mon 09:30"), "Mon 10:00");
            assertEquals(0, count(clocks, ClockKind.NEXT_RESPONSE));
        }

        @Test
        void a_customer_reply_to_a_solved_ticket_starts_one() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").solved("Mon 10:05")
                    .customerReplies("Tue 09:30");
            ClockState next = clock(clocks(story, "Tue 10:00"), ClockKind.NEXT_RESPONSE, 1);
            assertEquals(t("Tue 09:30"), next.startedAt());
            assertEquals(t("Tue 13:30"), next.dueAt());
        }
    }

    @Nested
    class PeriodicUpdate {
        final SlaPolicy everyTwoHours = policy("updates", b -> b.periodicUpdate(hours(2)));

        @Test
        void requires_a_public_agent_update_every_interval_while_the_ticket_is_open() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").agentNotes("Mon 11:00")
                    .agentReplies("Mon 11:30");
            List<ClockState> clocks = clocks(story, everyTwoHours, "Mon 14:00");
            assertEquals(ClockStatus.ACHIEVED, clock(clocks, ClockKind.PERIODIC_UPDATE, 1).status());
            ClockState second = clock(clocks, ClockKind.PERIODIC_UPDATE, 2);
            assertEquals(t("Mon 13:30"), second.dueAt());
            assertEquals(ClockStatus.BREACHED, second.status());
        }

        @Test
        void does_not_run_before_the_first_reply_nor_after_solving() {
            Story story = openedByCustomer("Mon 09:00");
            assertEquals(0, count(clocks(story, everyTwoHours, "Mon 16:00"), ClockKind.PERIODIC_UPDATE));
            story.agentReplies("Mon 10:00").solved("Mon 12:00").agentReplies("Mon 13:00");
            List<ClockState> clocks = clocks(story, everyTwoHours, "Tue 16:00");
            assertEquals(1, count(clocks, ClockKind.PERIODIC_UPDATE), "a reply on a solved ticket starts no interval");
            assertEquals(ClockStatus.ACHIEVED, clock(clocks, ClockKind.PERIODIC_UPDATE, 1).status());
            assertEquals(Optional.of(t("Mon 12:00")), clock(clocks, ClockKind.PERIODIC_UPDATE, 1).stoppedAt());
        }

        @Test
        void a_reply_that_solves_the_ticket_at_once_starts_no_interval() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").agentReplies("Mon 11:00")
                    .solved("Mon 11:00").reopened("Tue 09:00").agentReplies("Tue 10:00");
            List<ClockState> clocks = clocks(story, everyTwoHours, "Tue 11:00");
            assertEquals(List.of(1, 2), clocks.stream().map(ClockState::cycle).toList(), "numbered without a gap");
            assertEquals(Optional.of(t("Mon 11:00")), clock(clocks, ClockKind.PERIODIC_UPDATE, 1).stoppedAt());
            assertEquals(t("Tue 10:00"), clock(clocks, ClockKind.PERIODIC_UPDATE, 2).startedAt());
        }
    }

    @Nested
    class Resolution {
        @Test
        void solving_stops_every_running_clock() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").customerReplies("Mon 11:00")
                    .solved("Mon 12:00");
            for (ClockState c : clocks(story, "Wed 12:00")) {
                assertEquals(ClockStatus.ACHIEVED, c.status(), c.toString());
                assertTrue(c.stoppedAt().isPresent());
            }
            assertEquals(Duration.ofHours(3), clock(clocks(story, "Wed 12:00"), ClockKind.RESOLUTION, 1).elapsed());
        }

        @Test
        void reopening_starts_a_new_cycle_and_keeps_the_old_one() {
            Story story = openedByCustomer("Mon 09:00").solved("Mon 12:00").reopened("Tue 10:00");
            List<ClockState> clocks = clocks(story, "Tue 11:00");
            ClockState first = clock(clocks, ClockKind.RESOLUTION, 1);
            assertEquals(ClockStatus.ACHIEVED, first.status());
            assertEquals(Duration.ofHours(3), first.elapsed());
            ClockState second = clock(clocks, ClockKind.RESOLUTION, 2);
            assertEquals(t("Tue 10:00"), second.startedAt());
            assertEquals(ClockStatus.RUNNING, second.status());
            assertEquals(Duration.ofHours(1), second.elapsed());
            assertEquals(t("Thu 10:00"), second.dueAt());
        }

        @Test
        void merging_the_ticket_away_cancels_its_clocks_unless_they_had_breached() {
            Story story = openedByCustomer("Mon 09:00").merged("Mon 14:00");
            List<ClockState> clocks = clocks(story, "Tue 10:00");
            assertEquals(ClockStatus.BREACHED, clock(clocks, ClockKind.FIRST_RESPONSE, 1).status());
            assertEquals(ClockStatus.CANCELLED, clock(clocks, ClockKind.RESOLUTION, 1).status());
        }
    }

    @Nested
    class Pauses {
        @Test
        void a_pending_ticket_pauses_its_clocks_in_business_time_only() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").pending("Mon 16:00")
                    .customerReplies("Tue 10:00");
            ClockState resolution = clock(clocks(story, "Tue 12:00"), ClockKind.RESOLUTION, 1);
            assertEquals(Duration.ofHours(2), resolution.paused(), "Mon 16-17 and Tue 9-10, not the night");
            assertEquals(Duration.ofHours(9), resolution.elapsed());
            assertEquals(t("Wed 11:00"), resolution.dueAt(), "7 h left at Tue 12:00: 5 h on Tuesday, 2 h on Wednesday");
        }

        @Test
        void while_paused_the_remaining_time_stands_still_and_the_due_time_moves_later() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").onHold("Mon 11:00");
            ClockState early = clock(clocks(story, "Mon 12:00"), ClockKind.RESOLUTION, 1);
            ClockState later = clock(clocks(story, "Mon 15:00"), ClockKind.RESOLUTION, 1);
            assertEquals(ClockStatus.PAUSED, early.status());
            assertEquals(early.remaining(), later.remaining());
            assertEquals(Duration.ofHours(14), later.remaining());
            assertEquals(Duration.ofHours(4), later.paused());
            assertTrue(later.dueAt().isAfter(early.dueAt()));
        }

        @Test
        void a_calendar_time_target_counts_the_night_and_the_pause_in_real_time() {
            SlaPolicy allDay = policy("24-7", b -> b.resolution(SlaTarget.calendarTime(Duration.ofHours(24))));
            Story story = openedByCustomer("Mon 22:00").agentReplies("Tue 01:00").pending("Tue 02:00").resumes("Tue 05:00");
            ClockState resolution = clock(clocks(story, allDay, "Tue 06:00"), ClockKind.RESOLUTION, 1);
            assertEquals(Duration.ofHours(3), resolution.paused());
            assertEquals(Duration.ofHours(5), resolution.elapsed());
            assertEquals(t("Wed 01:00"), resolution.dueAt());
            assertEquals(Optional.empty(), resolution.target().calendar());
        }

        @Test
        void a_clock_paused_at_its_due_instant_has_not_run_past_it() {
            SlaPolicy allDay = policy("24-7", b -> b.resolution(SlaTarget.calendarTime(Duration.ofHours(24))));
            Story story = openedByCustomer("Mon 22:00").agentReplies("Tue 01:00").pending("Tue 22:00");
            ClockState resolution = clock(clocks(story, allDay, "Wed 01:00"), ClockKind.RESOLUTION, 1);
            assertEquals(t("Tue 22:00"), resolution.dueAt());
            assertEquals(ClockStatus.PAUSED, resolution.status(), "paused at the due instant itself, not past it");
            ClockState runsPast = clock(clocks(openedByCustomer("Mon 22:00").agentReplies("Tue 01:00")
                    .pending("Tue 22:01"), allDay, "Wed 01:00"), ClockKind.RESOLUTION, 1);
            assertEquals(ClockStatus.BREACHED, runsPast.status(), "paused a minute after the due instant");
        }

        @Test
        void pause_statuses_are_chosen_per_policy() {
            SlaPolicy onlyOnHold = policy("third-party", b -> b.resolution(hours(16)).pauseWhen(Status.ON_HOLD));
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").pending("Mon 11:00");
            ClockState resolution = clock(clocks(story, onlyOnHold, "Mon 13:00"), ClockKind.RESOLUTION, 1);
            assertEquals(ClockStatus.RUNNING, resolution.status());
            assertEquals(Duration.ZERO, resolution.paused());
        }

        @Test
        void a_clock_without_a_target_does_not_run() {
            SlaPolicy onlyResolution = policy("resolution-only", b -> b.resolution(hours(16)));
            List<ClockState> clocks = clocks(openedByCustomer("Mon 09:00").agentReplies("Mon 10:00"), onlyResolution, "Mon 11:00");
            assertEquals(List.of(ClockKind.RESOLUTION), clocks.stream().map(ClockState::kind).toList());
        }
    }

    @Nested
    class Deadlines {
        @Test
        void the_next_deadline_is_the_first_warning_threshold() {
            Story story = openedByCustomer("Mon 09:00");
            assertEquals(Optional.of(t("Mon 12:00")), SlaClocks.nextDeadline(story.events(), STANDARD, CALENDARS));
        }

        @Test
        void each_threshold_and_the_breach_are_emitted_once_in_order() {
            SlaPolicy firstOnly = policy("fr", b -> b.firstResponse(hours(4)));
            Story story = openedByCustomer("Mon 09:00");
            List<TicketEvent> at12 = due(story, firstOnly, "Mon 12:00");
            assertEquals(1, at12.size());
            var warning = (TicketEvent.SlaWarning) at12.get(0);
            assertEquals(75, warning.thresholdPercent());
            assertEquals(t("Mon 13:00"), warning.dueAt());
            assertEquals(ClockKind.FIRST_RESPONSE, warning.clock());
            story.recorded(at12);
            assertEquals(List.of(), due(story, firstOnly, "Mon 12:30"));
            assertEquals(Optional.of(t("Mon 12:36")), SlaClocks.nextDeadline(story.events(), firstOnly, CALENDARS));
            story.recorded(due(story, firstOnly, "Mon 12:40"));
            assertEquals(List.of(), due(story, firstOnly, "Mon 13:00"), "no breach at the due instant itself");
            assertEquals(Optional.of(t("Mon 13:00").plusNanos(1)), SlaClocks.nextDeadline(story.events(), firstOnly, CALENDARS));
            List<TicketEvent> at13 = due(story, firstOnly, "Mon 13:01");
            assertEquals(1, at13.size());
            var breach = (TicketEvent.SlaBreached) at13.get(0);
            assertEquals(t("Mon 13:00"), breach.dueAt());
            assertEquals(t("Mon 13:01"), breach.at());
            assertEquals(Story.SLA, breach.actor());
            story.recorded(at13);
            assertEquals(List.of(), due(story, firstOnly, "Fri 13:00"));
            assertEquals(Optional.empty(), SlaClocks.nextDeadline(story.events(), firstOnly, CALENDARS));
        }

        @Test
        void a_late_due_run_emits_the_breach_without_the_warnings_it_supersedes() {
            SlaPolicy firstOnly = policy("fr", b -> b.firstResponse(hours(4)));
            List<TicketEvent> late = due(openedByCustomer("Mon 09:00"), firstOnly, "Mon 15:00");
            assertEquals(1, late.size());
            assertTrue(late.get(0) instanceof TicketEvent.SlaBreached);
        }

        @Test
        void a_reply_after_the_due_time_still_gets_its_breach_reported() {
            SlaPolicy firstOnly = policy("fr", b -> b.firstResponse(hours(4)).warnAt());
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 14:00");
            assertEquals(Optional.of(t("Mon 13:00").plusNanos(1)), SlaClocks.nextDeadline(story.events(), firstOnly, CALENDARS));
            List<TicketEvent> events = due(story, firstOnly, "Mon 14:01");
            assertEquals(1, events.size());
            assertEquals(t("Mon 13:00"), ((TicketEvent.SlaBreached) events.get(0)).dueAt());
        }

        @Test
        void a_paused_clock_has_no_deadline_until_it_resumes() {
            SlaPolicy resolution = policy("res", b -> b.resolution(hours(16)));
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00").pending("Mon 11:00");
            assertEquals(Optional.empty(), SlaClocks.nextDeadline(story.events(), resolution, CALENDARS));
            assertEquals(List.of(), due(story, resolution, "Fri2 11:00"));
            story.customerReplies("Tue 09:00");
            // 2 h counted before the pause, 12 h at 75 %: 10 h more from Tue 09:00
            assertEquals(Optional.of(t("Wed 11:00")), SlaClocks.nextDeadline(story.events(), resolution, CALENDARS));
        }

        @Test
        void closed_tickets_get_no_sla_events() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 15:00").solved("Mon 15:00").closed("Mon 15:01");
            assertEquals(Optional.empty(), SlaClocks.nextDeadline(story.events(), STANDARD, CALENDARS));
            assertEquals(List.of(), due(story, STANDARD, "Tue 15:00"));
        }

        @Test
        void the_due_time_of_a_running_clock_does_not_depend_on_the_moment_of_evaluation() {
            Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 10:00");
            Instant first = clock(clocks(story, "Mon 10:00"), ClockKind.RESOLUTION, 1).dueAt();
            assertEquals(first, clock(clocks(story, "Sun 10:00"), ClockKind.RESOLUTION, 1).dueAt());
            assertEquals(t("Tue 17:00"), first);
        }
    }

    static List<TicketEvent> due(Story story, SlaPolicy policy, String now) {
        return SlaClocks.due(story.ticket(), story.events(), policy, CALENDARS, t(now), Story.SLA);
    }

    @Test
    void events_before_the_moment_of_evaluation_are_all_counted_even_when_now_lies_earlier() {
        Story story = openedByCustomer("Mon 09:00").agentReplies("Mon 11:00");
        assertEquals(clocks(story, "Mon 11:00"), clocks(story, "Mon 10:00"));
    }
}
