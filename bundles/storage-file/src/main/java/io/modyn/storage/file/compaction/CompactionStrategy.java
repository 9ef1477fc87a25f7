package io.modyn.storage.file.compaction;

import java.util.List;
import java.util.Optional;

/** Chooses the next compaction of a keyspace from its live tables, if one is due. */
interface CompactionStrategy {

    Optional<CompactionPlan> next(List<TableSummary> live);
}
