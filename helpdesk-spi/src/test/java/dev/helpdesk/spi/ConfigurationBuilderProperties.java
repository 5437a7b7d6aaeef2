package dev.helpdesk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.CalendarId;
import dev.helpdesk.spi.rejection.FieldError;
import dev.helpdesk.spi.routing.AgentProfile;
import dev.helpdesk.spi.sla.SlaPolicy;
import dev.helpdesk.spi.sla.SlaTarget;
import dev.helpdesk.spi.ticket.Channel;
import dev.helpdesk.spi.ticket.Status;
import dev.helpdesk.spi.ticket.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Configuration written in code fails in one way: whatever mix of mistakes a builder is given,
 * {@code build()} throws one {@link ConfigurationException} naming exactly the fields that are
 * wrong, every one of them; without mistakes it builds.
 */
class ConfigurationBuilderProperties {

    private static Set<String> fields(ConfigurationException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertNames(Set<String> mistakes, Runnable build) {
        if (mistakes.isEmpty()) {
            build.run();
        } else {
            ConfigurationException e = assertThrows(ConfigurationException.class, build::run);
            assertEquals(new TreeSet<>(mistakes), fields(e), e.getMessage());
        }
    }

    @Provide
    Arbitrary<Set<String>> profileMistakes() {
        return Arbitraries.of("id", "groups", "skills", "roles", "languages", "tiers", "capacity.EMAIL", "displayName")
                .set();
    }

    @Property(tries = 150)
    void an_agent_profile_names_every_mistake(@ForAll("profileMistakes") Set<String> mistakes) {
        assertNames(mistakes, () -> {
            AgentProfile.Builder b = AgentProfile.builder(mistakes.contains("id") ? "ana\u2028" : "ana")
                    .groups("billing").skills("sepa").roles("supervisor").languages("nl").capacity(Channel.PHONE, 2);
            if (mistakes.contains("groups")) {
                b.groups(" billing");
            }
            if (mistakes.contains("skills")) {
                b.skills("no spaces");
            }
            if (mistakes.contains("roles")) {
                b.roles("");
            }
            if (mistakes.contains("languages")) {
                b.languages("");
            }
            if (!mistakes.contains("tiers")) {
                b.tiers(Tier.L1, Tier.L2);
            }
            b.capacity(Channel.EMAIL, mistakes.contains("capacity.EMAIL") ? AgentProfile.MAX_CAPACITY + 1 : 5);
            if (mistakes.contains("displayName")) {
                b.displayName("x".repeat(AgentProfile.MAX_DISPLAY_NAME_LENGTH + 1));
            }
            b.build();
        });
    }

    @Provide
    Arbitrary<Set<String>> calendarMistakes() {
        return Arbitraries.of("id", "zone", "weeklyHours.MONDAY[1].from", "weeklyHours.TUESDAY[0].to",
                "weeklyHours.WEDNESDAY[0]", "specialDays.2026-12-24").set();
    }

    @Property(tries = 300)
    void a_business_calendar_names_every_mistake(@ForAll("calendarMistakes") Set<String> mistakes) {
        assertNames(mistakes, () -> {
            BusinessCalendar.Builder b = BusinessCalendar.builder()
                    .id(mistakes.contains("id") ? "nl office" : "nl-office")
                    .zone(mistakes.contains("zone") ? "Europe/Amsterdm" : "Europe/Amsterdam")
                    .open(DayOfWeek.MONDAY, "09:00", "12:00")
                    .open(DayOfWeek.MONDAY, mistakes.contains("weeklyHours.MONDAY[1].from") ? "13:60" : "13:00", "17:00")
                    .open(DayOfWeek.TUESDAY, "09:00", mistakes.contains("weeklyHours.TUESDAY[0].to") ? "5pm" : "17:00")
                    .open(DayOfWeek.WEDNESDAY, mistakes.contains("weeklyHours.WEDNESDAY[0]") ? "08:00" : "00:00",
                            mistakes.contains("weeklyHours.WEDNESDAY[0]") ? "08:00" : "24:00")
                    .specialDay(LocalDate.of(2026, 12, 24), "09:00", "12:00");
            if (mistakes.contains("specialDays.2026-12-24")) {
                b.holiday(LocalDate.of(2026, 12, 24));
            }
            b.build();
        });
    }

    @Provide
    Arbitrary<Set<String>> policyMistakes() {
        return Arbitraries.of("name", "targets", "pauseStatuses", "warningPercents").set();
    }

    @Property(tries = 200)
    void an_sla_policy_names_every_mistake(@ForAll("policyMistakes") Set<String> mistakes) {
        assertNames(mistakes, () -> {
            SlaPolicy.Builder b = SlaPolicy.builder(mistakes.contains("name") ? "-gold" : "gold")
                    .pauseWhen(mistakes.contains("pauseStatuses") ? Status.SOLVED : Status.PENDING)
                    .warnAt(mistakes.contains("warningPercents") ? 100 : 75);
            if (!mistakes.contains("targets")) {
                b.firstResponse(SlaTarget.businessTime(Duration.ofHours(4), CalendarId.of("nl-office")));
            }
            b.build();
        });
    }
}
