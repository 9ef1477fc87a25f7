package io.modyn.api.tables;

/**
 * One item change, as {@link ChangeCapture} receives it.
 *
 * @param tableId the table's id (stable across renames; a re-created table has a new one)
 * @param partition the item's storage partition key
 * @param sort the item's storage sort key (empty for a table without sort key)
 * @param image the item after the change as the engine stores it (encoded, sealed under the table's
 *     key if it has one, bound to its data keyspace and key, so it can be kept in any keyspace and
 *     handed back in an archive), or null if the item was deleted
 * @param timeMillis when the change was made, in milliseconds since the epoch; a later change of
 *     the same item never has an earlier time on one server
 */
public record CapturedChange(String tableId, byte[] partition, byte[] sort, byte[] image, long timeMillis) {
}
