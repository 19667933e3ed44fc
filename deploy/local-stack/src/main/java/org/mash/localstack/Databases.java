package org.mash.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The services' databases on the machine's PostgreSQL server: created when missing, each owned by the service's own
 * role, dropped by --reset and tests.
 */
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

    /**
     * Gives a service's database its own login role, named as the database, owning it and everything in it, with
     * CONNECT revoked from everyone else: a service connects as its role and can reach no other service's data. An
     * existing database made before (owned by the admin) is handed over, tables, sequences and views included.
     */
    void ensureOwner(String database, String password) {
        String role = database;
        try (Connection c = adminConnection()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                q.setString(1, role);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            c.createStatement().execute((exists ? "alter role " : "create role ") + role
                    + " login nosuperuser nocreatedb nocreaterole password " + quotedPassword);
            c.createStatement().execute("alter database " + database + " owner to " + role);
            c.createStatement().execute("revoke all on database " + database + " from public");
            c.createStatement().execute("grant connect, temporary on database " + database + " to " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the owner of database " + database + ": " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort()
                + "/" + database, options.pgUser(), options.pgPassword())) {
            c.createStatement().execute("alter schema public owner to " + role);
            c.createStatement().execute("""
                    do $$ declare r record; begin
                      for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                 and pg_get_userbyid(c.relowner) <> '%1$s'
                                 and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid
                                          and d.deptype in ('a', 'i')))
                      loop
                        execute format('alter %%s public.%%I owner to %1$s',
                          case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                          else 'table' end, r.relname);
                      end loop;
                      for r in select p.oid::regprocedure as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                      loop
                        execute format('alter function %%s owner to %1$s', r.fn);
                      end loop;
                    end $$""".formatted(role));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand database " + database + " over to its role: " + e.getMessage(), e);
        }
    }

    void dropDatabase(String database) {
        try (Connection c = adminConnection()) {
            c.createStatement().execute("drop database if exists " + database + " with (force)");
            c.createStatement().execute("drop role if exists " + database); // the service's role (ensureOwner)
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/postgres",
                options.pgUser(), options.pgPassword());
    }
}
