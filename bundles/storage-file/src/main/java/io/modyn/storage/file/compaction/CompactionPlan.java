package io.modyn.storage.file.compaction;

import java.util.List;

/**
 * One compaction a strategy chose: the tables to merge, the level the outputs go to, and the size
 * at which an output is split (leveled) or {@link Long#MAX_VALUE} for one output (size-tiered).
 */
record CompactionPlan(List<TableSummary> inputs, int outputLevel, long maxOutputBytes) {

    CompactionPlan {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) throw new IllegalArgumentException("a compaction needs inputs");
    }
}
