package dev.helpdesk.examples.quickstart;

import dev.helpdesk.core.memory.InMemoryTicketStore;
import dev.helpdesk.jdbc.JdbcStores;
import dev.helpdesk.spi.ticket.TicketStore;

/**
 * The demo's command line: where the tickets live.
 *
 * <pre>
 * (no arguments)              an H2 database in ./data/helpdesk-demo (kept between runs)
 * --jdbc-url URL              any supported database, e.g. jdbc:postgresql://localhost/helpdesk
 * --user NAME --password PW   credentials for --jdbc-url
 * --in-memory                 nothing stored
 * </pre>
 *
 * @param jdbcUrl  the database, or null for in memory
 * @param user     the user, or null
 * @param password the password, or null
 */
record DemoOptions(String jdbcUrl, String user, String password) {
    static final String DEFAULT_URL = "jdbc:h2:./data/helpdesk-demo";

    static DemoOptions parse(String[] args) {
        String url = DEFAULT_URL;
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdbc-url" -> url = value(args, ++i);
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--in-memory" -> url = null;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --jdbc-url URL [--user U --password P] or --in-memory");
            }
        }
        return new DemoOptions(url, user, password);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    TicketStore store() {
        if (jdbcUrl == null) {
            return new InMemoryTicketStore();
        }
        return JdbcStores.create(JdbcStores.dataSource(jdbcUrl, user, password));
    }

    String describe() {
        return jdbcUrl == null ? "in memory" : jdbcUrl.replaceAll("password=[^&;]*", "password=***");
    }
}
