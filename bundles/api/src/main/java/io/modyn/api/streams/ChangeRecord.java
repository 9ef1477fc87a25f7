package io.modyn.api.streams;

/**
 * One record of a table's stream: an INSERT, MODIFY or REMOVE of one item, as GetRecords returns
 * it and as in-process stream listeners receive it.
 *
 * @param userIdentity null unless the change was made by the service itself (TTL)
 */
public record ChangeRecord(
        String eventID, String eventName, String eventVersion, String eventSource, String awsRegion, StreamRecord dynamodb,
        Identity userIdentity) {
}
