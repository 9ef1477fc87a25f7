package io.modyn.storage.file.compaction;

import io.modyn.storage.file.record.OrderedKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Leveled compaction, as LevelDB's and Cassandra's LCS. Level 0 holds flushes, which overlap.
 * Every other level is a run of non-overlapping tables of about the target size, each level
 * {@code fanout} times larger than the one before. Each level gets a score (level 0: its table
 * count over the trigger; level n: its bytes over its budget); the level with the highest score at
 * or above 1 is compacted:
 * <ul>
 * <li>level 0: its oldest tables (at most 32) with every level-1 table they overlap, into level 1;
 * <li>level n: one table, taken round-robin through the key space, with every level n+1 table it
 *     overlaps, into level n+1.
 * </ul>
 * Outputs are split at the target size. Since a compaction replaces every table of the output
 * level its key range touches, and its outputs hold only keys from that range, the output level
 * stays non-overlapping. A read thus touches at most one table per level above 0.
 *
 * <p>One instance per keyspace: it keeps each level's round-robin position. Used by one compaction
 * at a time (the compactor runs at most one per keyspace).
 */
final class LeveledStrategy implements CompactionStrategy {

    private final LeveledOptions options;
    /** Per level, the last key compacted from it; the next pick starts after it. */
    private final Map<Integer, OrderedKey> positions = new HashMap<>();

    LeveledStrategy(LeveledOptions options) {
        this.options = options;
    }

    @Override
    public synchronized Optional<CompactionPlan> next(List<TableSummary> live) {
        TreeMap<Integer, List<TableSummary>> levels = new TreeMap<>();
        for (TableSummary table : live) {
            levels.computeIfAbsent(table.level(), l -> new ArrayList<>()).add(table);
        }
        int chosen = -1;
        double bestScore = 1;
        for (Map.Entry<Integer, List<TableSummary>> level : levels.entrySet()) {
            double score = score(level.getKey(), level.getValue());
            if (score >= bestScore) {
                chosen = level.getKey();
                bestScore = score;
            }
        }
        if (chosen < 0) {
            return Optional.empty();
        }
        List<TableSummary> next = levels.getOrDefault(chosen + 1, List.of());
        List<TableSummary> inputs = chosen == 0 ? oldestFlushes(levels.get(0)) : List.of(pick(chosen, levels.get(chosen)));
        OrderedKey from = inputs.stream().map(TableSummary::minKey).min(Comparator.naturalOrder()).orElseThrow();
        OrderedKey to = inputs.stream().map(TableSummary::maxKey).max(Comparator.naturalOrder()).orElseThrow();
        List<TableSummary> all = new ArrayList<>(inputs);
        for (TableSummary table : next) {
            if (table.overlaps(from, to)) {
                all.add(table);
            }
        }
        return Optional.of(new CompactionPlan(all, chosen + 1, options.tableBytes()));
    }

    private double score(int level, List<TableSummary> tables) {
        if (level == 0) {
            return (double) tables.size() / options.level0Trigger();
        }
        return tables.stream().mapToLong(TableSummary::bytes).sum() / options.maxBytes(level);
    }

    private static List<TableSummary> oldestFlushes(List<TableSummary> level0) {
        List<TableSummary> byAge = new ArrayList<>(level0);
        byAge.sort(Comparator.comparingLong(TableSummary::generation));
        return byAge.subList(0, Math.min(byAge.size(), LeveledOptions.MAX_LEVEL0_INPUTS));
    }

    /** The first table after the level's last compacted key, wrapping round to the first. */
    private TableSummary pick(int level, List<TableSummary> tables) {
        List<TableSummary> byKey = new ArrayList<>(tables);
        byKey.sort(Comparator.comparing(TableSummary::minKey));
        OrderedKey position = positions.get(level);
        TableSummary picked = byKey.get(0);
        if (position != null) {
            for (TableSummary table : byKey) {
                if (table.minKey().compareTo(position) > 0) {
                    picked = table;
                    break;
                }
            }
        }
        positions.put(level, picked.maxKey());
        return picked;
    }
}
