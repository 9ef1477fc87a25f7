package io.modyn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    private static StorageException translate(String sqlState) {
        return SqlErrors.translate(new SQLException("failure", sqlState), "do something");
    }

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreConflicts() {
        for (String state : new String[] {"40P01", "40001", "55P03"}) {
            StorageException e = translate(state);
            assertInstanceOf(StorageConflictException.class, e, state);
            assertTrue(e.retryable(), state);
        }
    }

    @Test
    void anUnreachableOrRestartingDatabaseIsRetryable() {
        for (String state : new String[] {"08006", "08001", "57P01", "57P03", "53300", "25P03"}) {
            StorageException e = translate(state);
            assertFalse(e instanceof StorageConflictException, state);
            assertTrue(e.retryable(), state);
        }
    }

    @Test
    void aPoolTimeoutWrappingTheDriversFailureIsRetryable() {
        SQLException poolTimeout = new SQLTransientConnectionException("pool - Connection is not available",
                null, new SQLException("Connection refused", "08001"));
        StorageException e = SqlErrors.translate(poolTimeout, "read");
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("SQLSTATE 08001"), e.getMessage());
    }

    @Test
    void otherErrorsAreNotRetryable() {
        for (String state : new String[] {"42P01", "23505", "28P01", "42501"}) {
            assertFalse(translate(state).retryable(), state);
        }
    }
}
