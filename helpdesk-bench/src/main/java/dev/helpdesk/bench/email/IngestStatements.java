package dev.helpdesk.bench.email;

import dev.helpdesk.bench.jdbc.BenchPostgres;
import dev.helpdesk.bench.jdbc.CountingDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The statements and commits that {@link IngestBenchmark#ingestPostgres} sends to PostgreSQL
 * per mail of the corpus: the round trips its figure is made of. Run from the repository root:
 * {@code java -cp helpdesk-bench/target/benchmarks.jar dev.helpdesk.bench.email.IngestStatements [passes] [batched]}
 * ({@code batched}: through the batch entry, as {@link IngestBenchmark#ingestPostgresBatched}).
 */
public final class IngestStatements {
    private IngestStatements() {
    }

    /**
     * Ingests the corpus on embedded PostgreSQL (one pass to warm up, then the given number of
     * passes, each for a new tenant) and prints the counts per mail.
     *
     * @param args the number of measured passes, 3 when not given, then {@code batched} to take the
     *             corpus in batches
     * @throws IOException when the corpus cannot be read
     */
    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean batched = args.length > 1 && args[1].equals("batched");
        List<byte[]> messages;
        try (Stream<Path> files = Files.list(Path.of("helpdesk-email/src/test/resources/corpus"))) {
            messages = files.filter(f -> f.toString().endsWith(".eml")).sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        Blackhole hole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        try (BenchPostgres postgres = new BenchPostgres(); BenchPostgres.Pool pool = postgres.database()) {
            CountingDataSource counting = new CountingDataSource(pool);
            IngestBenchmark.Desk desk = new IngestBenchmark.Desk() { };
            desk.build(counting);
            ingest(desk, batched, messages, hole);
            counting.reset();
            long start = System.nanoTime();
            for (int i = 0; i < passes; i++) {
                ingest(desk, batched, messages, hole);
            }
            long nanos = System.nanoTime() - start;
            double mails = (double) passes * messages.size();
            System.out.printf("%d passes of %d mails%s, %.0f mails/s%n", passes, messages.size(),
                    batched ? " in batches of " + IngestBenchmark.BATCH : " one by one", mails * 1e9 / nanos);
            System.out.printf("per mail: %.2f statements, %.2f commits, %.2f rollbacks, %.2f batched rows%n",
                    counting.statements() / mails, counting.commits() / mails, counting.rollbacks() / mails,
                    counting.batchedRows() / mails);
            counting.connectionCalls().forEach((name, n) -> System.out.printf("%8.2f  Connection.%s%n", n / mails, name));
            counting.executions().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("%8.2f  %s%n", e.getValue() / mails,
                            e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "…" : e.getKey()));
        }
    }

    private static void ingest(IngestBenchmark.Desk desk, boolean batched, List<byte[]> messages, Blackhole hole)
            throws IOException {
        if (batched) {
            desk.ingestBatched(messages, hole);
        } else {
            desk.ingest(messages, hole);
        }
    }
}
