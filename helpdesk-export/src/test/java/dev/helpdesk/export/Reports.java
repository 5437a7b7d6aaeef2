package dev.helpdesk.export;

import dev.helpdesk.spi.report.AgentLoad;
import dev.helpdesk.spi.report.Backlog;
import dev.helpdesk.spi.report.Count;
import dev.helpdesk.spi.report.Durations;
import dev.helpdesk.spi.report.FrequentProblems;
import dev.helpdesk.spi.report.Report;
import dev.helpdesk.spi.report.ReportQuery;
import dev.helpdesk.spi.report.Resolution;
import dev.helpdesk.spi.report.ScaleRatings;
import dev.helpdesk.spi.report.TierEscalation;
import dev.helpdesk.spi.report.TimeFigure;
import dev.helpdesk.spi.report.Volume;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reports made by hand for the export tests, with a text from the tickets where every text goes. */
final class Reports {
    private Reports() {
    }

    static final ReportQuery QUERY = ReportQuery.builder().tenant(TenantId.of("acme"))
            .from(Instant.parse("2026-03-02T00:00:00Z")).to(Instant.parse("2026-03-04T00:00:00Z"))
            .putChannelCost(Channel.EMAIL, 2.5).build();

    /** The id of the linked problem of every report here. */
    static final String PROBLEM = "01900000-0000-7000-8000-000000000001";

    /** A report whose tag, term, group and agent are the given text. */
    static Report with(String text) {
        Volume volume = new Volume(3, new TreeMap<>(Map.of("EMAIL", 2L, "PHONE", 1L)),
                new TreeMap<>(Map.of("technical.troubleshooting", 3L)), new TreeMap<>(Map.of("L1", 3L)),
                new TreeMap<>(Map.of(text, 2L, Volume.NO_GROUP, 1L)),
                new TreeMap<>(Map.of(LocalDate.parse("2026-03-02"), 1L, LocalDate.parse("2026-03-03"), 2L)));
        FrequentProblems problems = new FrequentProblems(List.of(new Count("technical.troubleshooting", 3)),
                List.of(new Count(text, 2)), new TreeMap<>(Map.of("en", List.of(new Count(text, 1)))),
                List.of(new Count(PROBLEM, 2)));
        Durations hours = new Durations(2, Optional.of(Duration.ofHours(2)), Optional.of(Duration.ofHours(30)));
        Resolution resolution = new Resolution(2, 1, 3, 1, new TimeFigure(hours, Optional.empty()),
                new TimeFigure(hours, Optional.empty()), new TimeFigure(hours, Optional.empty()));
        return new Report(QUERY, volume, problems, resolution, new Backlog(1, 0, 0, 0),
                List.of(new TierEscalation("L1", 3, 1), new TierEscalation("L2", 1, 0)),
                new TreeMap<>(Map.of(5, new ScaleRatings(5, 2, 1, new TreeMap<>(Map.of(1, 1L, 2, 0L, 3, 0L, 4, 0L, 5, 1L))))),
                List.of(new AgentLoad(text, 2, 3, 2)), volume.cost(QUERY.channelCosts()),
                new dev.helpdesk.spi.report.Deflection(1, 1, 4));
    }
}
