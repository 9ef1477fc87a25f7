/**
 * Encryption of tables at rest (SSESpecification, SSEDescription, {@code --encrypt-all}).
 *
 * <p>Envelope encryption: each table has AES-256 data keys, one per version, issued by the
 * {@link io.modyn.api.crypto.KeyManager} (the kms bundle) under the table's master key (a customer
 * key, the AWS managed key {@code alias/aws/dynamodb}, or, for the owned key under
 * {@code --encrypt-all}, the AWS managed key's material without an SSEDescription). Only wrapped data
 * keys are stored ({@link io.modyn.engine.encryption.TableKeys}); plaintext keys live in memory for
 * a bounded time. {@link io.modyn.engine.encryption.SealingStorageEngine} sits between the engine
 * and the storage SPI and seals every value of a table's keyspaces (base rows, index rows, item
 * collection sizes, stream records) with {@link io.modyn.engine.encryption.ItemCipher} (AES-GCM, the
 * table, record key and key version bound as associated data), so both backends store ciphertext
 * without knowing it. Keys stay in clear, since storage orders by them. Transaction idempotency
 * records hold only a SHA-256 fingerprint of the request, never item values.
 */
package io.modyn.engine.encryption;
