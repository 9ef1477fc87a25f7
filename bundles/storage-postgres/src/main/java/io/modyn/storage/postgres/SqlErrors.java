package io.modyn.storage.postgres;

import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Turns JDBC failures into the SPI's exceptions by SQLSTATE, so that the engine can tell a
 * conflict it should retry (deadlock, serialization failure, lock wait timeout) from a database
 * it cannot reach (retryable: clients get a 503 and back off) from a real error.
 */
final class SqlErrors {

    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final String NOT_NULL_VIOLATION = "23502";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String CHECK_VIOLATION = "23514";

    private SqlErrors() {
    }

    /** The SPI exception for a failure of {@code action} (a phrase such as "read a record"). */
    static StorageException translate(SQLException e, String action) {
        String state = sqlState(e);
        String message = "PostgreSQL storage could not " + action + ": " + e.getMessage()
                + (state == null ? "" : " (SQLSTATE " + state + ")");
        if (isConflict(state)) return new StorageConflictException(message, e);
        return new StorageException(message, e, isTransient(e, state));
    }

    static boolean isConflict(String state) {
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state) || LOCK_NOT_AVAILABLE.equals(state);
    }

    /**
     * True when the same request may succeed later: the connection broke or could not be made
     * (class 08), the server is shutting down or starting (57P0x), it ran out of resources (53),
     * a statement or idle-transaction timeout fired, or the pool had no connection in time.
     */
    static boolean isTransient(SQLException e, String state) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) return true;
        if (state == null) return false;
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("57014") || state.equals("25P03");
    }

    /** The first SQLSTATE in the chain: a pool wraps the driver's exception without one. */
    static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
        }
        return null;
    }
}
