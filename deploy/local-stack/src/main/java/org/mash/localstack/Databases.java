package org.mash.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The services' databases on the machine's PostgreSQL server: created when missing, dropped by --reset and tests. */
final class Databases {

    private final LocalStack.Options options;

    Databases(LocalStack.Options options) {
        this.options = options;
    }

    void createDatabaseIfMissing(String database) {
        try (Connection c = adminConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("create database " + database);
                    LocalStack.log("created database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on PostgreSQL at "
                    + options.pgHost() + ":" + options.pgPort() + ": " + e.getMessage(), e);
        }
    }

    void dropDatabase(String database) {
        try (Connection c = adminConnection()) {
            c.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/postgres",
                options.pgUser(), options.pgPassword());
    }
}
