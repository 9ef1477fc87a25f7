package io.modyn.engine.stream;

import io.modyn.api.streams.ListStreamsRequest;
import io.modyn.api.streams.ListStreamsResponse;
import io.modyn.api.streams.StreamSummary;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import io.modyn.engine.authorization.AccessCheck;
import io.modyn.engine.authorization.StreamAccess;
import io.modyn.engine.validation.ConstraintViolations;
import java.util.ArrayList;
import java.util.List;

/**
 * ListStreams: every stream (enabled or not, until retention removes it), optionally of one table,
 * ordered by table name and label, in pages of at most Limit (default and maximum 100).
 */
final class ListStreamsOperation {

    private static final int MAX_LIMIT = 100;

    private final EngineSettings settings;
    private final StreamDirectory directory;

    ListStreamsOperation(EngineSettings settings, StreamDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    ListStreamsResponse execute(ListStreamsRequest request, StorageBinding.Bound bound, AccessCheck access) {
        new ConstraintViolations()
                .tableName("tableName", request.tableName())
                .atLeast("limit", request.limit(), 1)
                .atMost("limit", request.limit(), MAX_LIMIT)
                .throwIfAny();
        access.require(StreamAccess::listStreams);
        StreamKey start = request.exclusiveStartStreamArn() == null ? null : StreamLookup.parse(request.exclusiveStartStreamArn());
        int limit = request.limit() == null ? MAX_LIMIT : request.limit();

        List<StreamSummary> page = new ArrayList<>();
        String lastEvaluated = null;
        for (StreamDirectory.Entry stream : directory.list(bound, request.tableName())) {
            StreamKey key = stream.info().key();
            if (start != null && key.compareTo(start) <= 0) continue;
            if (page.size() == limit) {
                lastEvaluated = page.get(page.size() - 1).streamArn();
                break;
            }
            page.add(new StreamSummary(key.arn(settings), key.tableName(), key.label()));
        }
        return new ListStreamsResponse(page, lastEvaluated);
    }
}
