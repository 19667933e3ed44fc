package org.mash.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the machine's server for one test run, dropped afterwards. The server
 * is {@code MASH_TEST_PG_HOST}:{@code MASH_TEST_PG_PORT} as {@code MASH_TEST_PG_USER} (defaults
 * 127.0.0.1:5432, postgres). Init arg {@code name}: the database name prefix, e.g. {@code mash_contacts}.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String prefix = "mash";

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("name", prefix);
    }

    @Override
    public Map<String, String> start() {
        database = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("create database " + database);
        String hostPort = host() + ":" + port();
        return Map.of(
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", System.getenv().getOrDefault("MASH_TEST_PG_PASSWORD", ""),
                "quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    /** Runs SQL against the test database (for assertions that must see the stored rows themselves). */
    public static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user(), System.getenv().getOrDefault("MASH_TEST_PG_PASSWORD", ""));
    }

    /**
     * Counts rows in the database of the application under test ({@code quarkus.datasource.jdbc.url}): for
     * assertions on what was stored, e.g. {@code count("select count(*) from access_log where record_id = ?", id)}.
     */
    public static long count(String sql, Object... params) {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = connect(url); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement in the database of the application under test (to stage a failure, for instance). */
    public static void executeInApplicationDatabase(String sql) {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Makes every insert into {@code table} of the application's database fail with {@code sqlState} until
     * {@link #clearFault} (a trigger): {@code 40001} (serialization failure) or {@code 57P01} (the server shutting down)
     * stage an outage the consumer must sit out; {@code 23514} (a check violated) a record it can never apply.
     */
    public static void failInsertsInto(String table, String sqlState) {
        failInsertsInto(table, sqlState, "true");
    }

    /** As {@link #failInsertsInto(String, String)}, only for rows where {@code when} holds (SQL on {@code NEW}). */
    public static void failInsertsInto(String table, String sqlState, String when) {
        executeInApplicationDatabase("create or replace function mash_test_fault() returns trigger language plpgsql as $$ "
                + "begin raise exception 'staged by a test: % on %', tg_argv[0], tg_table_name using errcode = tg_argv[0]; end $$");
        executeInApplicationDatabase("drop trigger if exists mash_test_fault on " + table);
        executeInApplicationDatabase("create trigger mash_test_fault before insert on " + table
                + " for each row when (" + when + ") execute function mash_test_fault('" + sqlState + "')");
    }

    /** Ends what {@link #failInsertsInto} staged on {@code table}. */
    public static void clearFault(String table) {
        executeInApplicationDatabase("drop trigger if exists mash_test_fault on " + table);
    }

    private static void execute(String sql) {
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user(), System.getenv().getOrDefault("MASH_TEST_PG_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql
                    + "'. Is the server running? (.ci/run starts it)", e);
        }
    }

    private static String host() {
        return System.getenv().getOrDefault("MASH_TEST_PG_HOST", "127.0.0.1");
    }

    private static String port() {
        return System.getenv().getOrDefault("MASH_TEST_PG_PORT", "5432");
    }

    private static String user() {
        return System.getenv().getOrDefault("MASH_TEST_PG_USER", "postgres");
    }
}
