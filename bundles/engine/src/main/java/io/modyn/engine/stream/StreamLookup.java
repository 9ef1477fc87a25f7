package io.modyn.engine.stream;

import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;

/** Finds the stream a request names by ARN, or fails as DynamoDB Streams does. */
final class StreamLookup {

    private final EngineSettings settings;
    private final StreamDirectory directory;

    StreamLookup(EngineSettings settings, StreamDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    /** The stream key of a well-formed ARN (whether or not the stream exists). */
    static StreamKey parse(String streamArn) {
        StreamKey key = StreamKey.parse(streamArn);
        if (key == null) throw StreamErrors.invalidStreamArn();
        return key;
    }

    StreamDirectory.Entry require(StorageBinding.Bound bound, String streamArn) {
        StreamKey key = parse(streamArn);
        // An ARN of another region or account is well-formed but names no stream here.
        StreamDirectory.Entry stream = key.arn(settings).equals(streamArn) ? directory.find(bound, key) : null;
        if (stream == null) throw StreamErrors.streamNotFound(streamArn);
        return stream;
    }

    /** The stream, after checking that the shard id is its shard's. */
    StreamDirectory.Entry requireShard(StorageBinding.Bound bound, String streamArn, String shardId) {
        StreamDirectory.Entry stream = require(bound, streamArn);
        if (!stream.info().shardId().equals(shardId)) throw StreamErrors.shardNotFound(shardId, streamArn);
        return stream;
    }
}
