package dev.helpdesk.bench.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The open-ticket comparison of {@link JdbcOpenTicketBenchmark}, interleaved: on one shared
 * 2-core machine the time of a WAL flush drifts by a factor of several within a minute, so JMH's
 * one-benchmark-after-the-other runs compare different disks. This runs both variants in
 * alternating rounds on the same PostgreSQL and reports the median of the per-round ratios.
 *
 * <p>Run: {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.jdbc.OpenTicketComparison [rounds] [opsPerRound]}.
 */
public final class OpenTicketComparison {
    private OpenTicketComparison() {
    }

    /**
     * Runs the comparison and prints the figures.
     *
     * @param args rounds (default 30) and commands per round and variant (default 200)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        JdbcOpenTicketBenchmark bench = new JdbcOpenTicketBenchmark();
        bench.start();
        try {
            for (int i = 0; i < 500; i++) {
                bench.adapter();
                bench.handWritten();
            }
            List<Double> ratios = new ArrayList<>();
            double adapterTotal = 0;
            double handTotal = 0;
            for (int r = 0; r < rounds; r++) {
                boolean adapterFirst = r % 2 == 0;
                double a = 0;
                double h = 0;
                for (int pass = 0; pass < 2; pass++) {
                    boolean runAdapter = (pass == 0) == adapterFirst;
                    long start = System.nanoTime();
                    for (int i = 0; i < ops; i++) {
                        if (runAdapter) {
                            bench.adapter();
                        } else {
                            bench.handWritten();
                        }
                    }
                    double perSecond = ops / ((System.nanoTime() - start) / 1e9);
                    if (runAdapter) {
                        a = perSecond;
                    } else {
                        h = perSecond;
                    }
                }
                adapterTotal += a;
                handTotal += h;
                ratios.add(a / h);
            }
            Collections.sort(ratios);
            System.out.printf("open ticket, %d rounds x %d commands each: adapter %.0f/s, hand-written JDBC %.0f/s (means);"
                    + " per-round ratio adapter/hand-written: median %.2f, quartiles %.2f-%.2f%n", rounds, ops,
                    adapterTotal / rounds, handTotal / rounds, ratios.get(rounds / 2), ratios.get(rounds / 4),
                    ratios.get(3 * rounds / 4));
        } finally {
            bench.stop();
        }
    }
}
