package io.modyn.itests.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the whole suite, loudly, when it is to run on PostgreSQL ({@link StorageBackend}) and no
 * database is named by {@value StorageBackend#POSTGRES_URL}; with
 * {@value StorageBackend#REQUIRE_POSTGRES}{@code =true} (CI) a missing database fails the run
 * instead. Registered for every test through JUnit's extension auto-detection
 * (META-INF/services), so no test class has to know about it.
 */
public final class StorageLegCondition implements ExecutionCondition {

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (StorageBackend.current() != StorageBackend.POSTGRES) return ConditionEvaluationResult.enabled("not on PostgreSQL");
        String url = System.getenv(StorageBackend.POSTGRES_URL);
        if (url != null && !url.isBlank()) return ConditionEvaluationResult.enabled("PostgreSQL at " + StorageBackend.POSTGRES_URL);
        String message = StorageBackend.POSTGRES_URL + " is not set: the integration tests on PostgreSQL storage did NOT run";
        if (Boolean.parseBoolean(System.getenv(StorageBackend.REQUIRE_POSTGRES))) {
            throw new IllegalStateException(message + " (" + StorageBackend.REQUIRE_POSTGRES + "=true)");
        }
        if (ANNOUNCED.compareAndSet(false, true)) System.err.println("\n*** SKIPPED *** " + message + "\n");
        return ConditionEvaluationResult.disabled(message);
    }
}
