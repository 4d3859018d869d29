package io.cutroom.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A catalog shared by several workstations: a database on a PostgreSQL server. Writes run SERIALIZABLE, so two
 * editors' read-then-write transactions can never lose one another's change; the server refuses the later of two
 * conflicting ones, and it runs again from the start.
 */
final class PostgresBackend implements CatalogBackend {
    /** The password, when not in {@code ~/.pgpass} (which the driver reads itself). */
    static final String PASSWORD_ENVIRONMENT = "PGPASSWORD";
    private static final int CONFLICT_ATTEMPTS = 40;
    private static final int CONNECT_TIMEOUT_SEC = 10;

    private final CatalogLocation.Shared location;

    PostgresBackend(CatalogLocation.Shared location) {
        this.location = location;
    }

    @Override
    public CatalogLocation location() {
        return location;
    }

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    public DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource() {
            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                Connection c = super.getConnection(user, password);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                return c;
            }
        };
        source.setServerNames(new String[] {location.host()});
        source.setPortNumbers(new int[] {location.port()});
        source.setDatabaseName(location.database());
        source.setUser(location.user());
        String password = System.getenv(PASSWORD_ENVIRONMENT);
        if (password != null && !password.isEmpty()) source.setPassword(password);
        source.setApplicationName("Cutroom");
        source.setConnectTimeout(CONNECT_TIMEOUT_SEC);
        location.options().forEach((key, value) -> {
            try {
                source.setProperty(key, value);
            } catch (SQLException e) {
                throw new CatalogException("The catalog address has an option PostgreSQL does not know: " + key + ".", e);
            }
        });
        return source;
    }

    /** Serialization failures and deadlocks are the server choosing one of two conflicting transactions. */
    @Override
    public boolean mayRetry(SQLException e) {
        String state = state(e);
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** A short, random wait, so that the two conflicting transactions do not meet again. */
    @Override
    public void pauseBeforeRetry() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 15));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int attempts() {
        return CONFLICT_ATTEMPTS;
    }

    /** The server's disk is the server's to free; nothing here can make room. */
    @Override
    public boolean makeRoom(SQLException e) {
        return false;
    }

    /** The server keeps its own files sound; being able to ask it anything is the check. */
    @Override
    public String integrityCheck(Connection c) throws SQLException {
        return c.isValid(CONNECT_TIMEOUT_SEC) ? "ok" : "the server does not answer";
    }

    @Override
    public String reason(SQLException e) {
        String state = state(e);
        String where = location.host() + ":" + location.port();
        if (state.equals("08004") && String.valueOf(e.getMessage()).contains("password")) {
            return "the server at " + where + " asks for a password for the user " + location.user()
                    + " and none was given: put it in PGPASSWORD or ~/.pgpass.";
        }
        if (state.startsWith("08")) {
            return "the PostgreSQL server at " + where + " cannot be reached. Check that it runs and that this machine may"
                    + " connect to it.";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the server at " + where + " did not accept the user " + location.user()
                    + ": check the password in PGPASSWORD or ~/.pgpass, and the server's pg_hba.conf.";
        }
        if (state.equals("3D000")) {
            return "the server at " + where + " has no database called " + location.database()
                    + ". Create it first (createdb " + location.database() + ").";
        }
        if (state.equals("42501")) {
            return "the user " + location.user() + " may not change the database " + location.database() + ".";
        }
        if (state.equals("23505")) {
            return "another workstation stored the same thing a moment ago. Look again and retry.";
        }
        if (state.equals("53100")) {
            return "the disk of the server at " + where + " is full.";
        }
        if (state.startsWith("53") || state.startsWith("57")) {
            return "the server at " + where + " is overloaded or shutting down. Try again in a moment.";
        }
        return e.getMessage();
    }

    private static String state(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
        }
        return "";
    }
}
