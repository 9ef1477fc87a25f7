package io.modyn.api.streams;

import java.util.List;

/** {@code nextShardIterator} is null once the shard is closed and read to its end. */
public record GetRecordsResponse(List<ChangeRecord> records, String nextShardIterator) {
}
