package io.modyn.engine.operation;

import io.modyn.engine.validation.RequestCheckFailure;
import java.util.function.Supplier;

/**
 * The framing of PutItem, UpdateItem and DeleteItem: since DynamoDB's 2026 validation framework
 * they report the shared request checks inside its envelope (see {@link RequestCheckFailure});
 * every other error passes as it was thrown.
 */
final class WriteValidationEnvelope {

    private WriteValidationEnvelope() {
    }

    static <T> T around(Supplier<T> write) {
        try {
            return write.get();
        } catch (RequestCheckFailure e) {
            throw e.inEnvelope();
        }
    }
}
