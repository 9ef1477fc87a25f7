/**
 * Multi-item transactions (TransactWriteItems, TransactGetItems): locking every item in one fixed
 * key order inside one storage transaction, cancellation reasons, retries of conflicting attempts,
 * ClientRequestToken idempotency kept in storage, and transactional capacity.
 */
package io.modyn.engine.transaction;
