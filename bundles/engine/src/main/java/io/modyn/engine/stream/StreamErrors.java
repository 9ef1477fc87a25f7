package io.modyn.engine.stream;

import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;

/**
 * The DynamoDB Streams errors, in one place. The not-found, malformed-ARN and trimmed messages are
 * DynamoDB's as observed; the others follow DynamoDB's documentation where it gives a message and
 * DynamoDB's usual wording where it does not.
 */
final class StreamErrors {

    private StreamErrors() {
    }

    static DynamoException streamNotFound(String streamArn) {
        return DynamoException.resourceNotFound("Requested resource not found: Stream: " + streamArn + " not found");
    }

    static DynamoException shardNotFound(String shardId, String streamArn) {
        return DynamoException.resourceNotFound("Requested resource not found: Shard: " + shardId + " in Stream: " + streamArn + " not found");
    }

    static DynamoException invalidStreamArn() {
        return DynamoException.validation("Invalid StreamArn");
    }

    static DynamoException invalidShardIterator() {
        return DynamoException.validation("Invalid ShardIterator");
    }

    static DynamoException expiredIterator() {
        return new DynamoException(ErrorType.EXPIRED_ITERATOR, "The provided iterator exceeds the maximum age allowed");
    }

    static DynamoException trimmed() {
        return new DynamoException(ErrorType.TRIMMED_DATA_ACCESS, "The data you are trying to access has been trimmed");
    }

    static DynamoException sequenceNumberRequired(String iteratorType) {
        return DynamoException.validation("SequenceNumber must be specified for ShardIteratorType: " + iteratorType);
    }

    static DynamoException sequenceNumberNotAllowed(String iteratorType) {
        return DynamoException.validation("SequenceNumber must not be specified for ShardIteratorType: " + iteratorType);
    }

    static DynamoException invalidSequenceNumber(String sequenceNumber, String shardId) {
        return DynamoException.validation("Invalid SequenceNumber " + sequenceNumber + " for shard " + shardId);
    }
}
