package io.modyn.engine.stream;

import io.modyn.api.model.DynamoException;
import io.modyn.api.storage.StorageConflictException;
import io.modyn.api.storage.StorageEngine;
import io.modyn.api.storage.StorageTransaction;
import io.modyn.engine.EngineSettings;
import io.modyn.engine.StorageBinding;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers committed stream records to one listener by tailing the streams it listens to: for
 * each stream with records past the listener's saved position, lock that position, read the
 * records after it, hand them to the listener in sequence order, save the new position, commit.
 * Records are read from storage after they committed, so a listener only ever hears of committed
 * changes, in commit order. A listener hears the changes written from the time it was first seen
 * (under its id, on any node) on.
 *
 * <p>Delivery is exactly once while the server runs. The position commits after the listener was
 * called, so a crash between the two delivers that batch again after the restart (at least once
 * across a crash; nothing committed is lost). The position lock also makes nodes sharing
 * PostgreSQL take turns: a listener deployed on several nodes hears each change on one of them.
 * A listener that throws hears the same record again at the next pass; a listener that was away
 * longer than the retention misses what was trimmed meanwhile (logged).
 */
final class ListenerWorker {

    private static final Logger LOG = Logger.getLogger(ListenerWorker.class.getName());
    private static final int BATCH = 100;

    private final RegisteredListener listener;
    private final StorageBinding storage;
    private final StreamKeyspaces keyspaces;
    private final EngineSettings settings;
    private final ChangeRecords changeRecords;
    private final Clock clock;
    /** The record each stream last failed at, so that a failing listener is logged once per record. */
    private final Map<StreamKey, Long> failedAt = new HashMap<>();

    ListenerWorker(RegisteredListener listener, StorageBinding storage, StreamKeyspaces keyspaces, EngineSettings settings, Clock clock) {
        this.listener = listener;
        this.storage = storage;
        this.keyspaces = keyspaces;
        this.settings = settings;
        this.changeRecords = new ChangeRecords(settings.region());
        this.clock = clock;
    }

    RegisteredListener listener() {
        return listener;
    }

    /**
     * One pass over the streams the listener wants: delivers up to one batch of each. Streams
     * that recorded nothing are in no registry record and have nothing to deliver.
     *
     * @return true if a stream may have more to deliver right away
     */
    boolean deliverPending() {
        StorageBinding.Bound bound;
        try {
            bound = storage.require();
        } catch (DynamoException unavailable) {
            return false; // no storage bound: nothing to read until one is
        }
        StorageEngine engine = bound.storage();
        keyspaces.ensure(engine, ListenerPositions.KEYSPACE);
        keyspaces.ensure(engine, StreamRegistry.KEYSPACE);
        long firstSeen = ListenerPositions.firstSeen(engine, listener.id(), clock.millis());
        boolean more = false;
        for (StreamInfo stream : StreamRegistry.all(engine)) {
            if (listener.wants(stream.key().tableName())) more |= deliver(engine, stream, firstSeen);
        }
        return more;
    }

    private boolean deliver(StorageEngine engine, StreamInfo stream, long firstSeen) {
        StreamKey key = stream.key();
        Long committed = ListenerPositions.read(engine, listener.id(), key);
        if (committed != null && committed >= stream.lastSequence()) return false; // the common idle case, without a lock
        try (StorageTransaction tx = engine.begin()) {
            Long saved = ListenerPositions.lock(tx, listener.id(), key);
            long position = saved != null ? saved : StreamLog.lastWrittenBefore(engine, stream.keyspace(), firstSeen, stream.lastSequence());
            long delivered = position;
            boolean more = false;
            if (position < stream.lastSequence()) {
                List<StoredChange> batch = StreamLog.after(engine, stream.keyspace(), position, BATCH);
                long next = batch.isEmpty() ? stream.lastSequence() + 1 : batch.get(0).sequence();
                if (next > position + 1) {
                    LOG.warning("Stream listener " + listener.id() + " missed records " + (position + 1) + " to " + (next - 1) + " of table "
                            + key.tableName() + ": trimmed by the retention before they could be delivered");
                    delivered = next - 1;
                }
                delivered = deliverBatch(key, stream, batch, delivered);
                // A full batch delivered to its end: there may be more right away.
                more = batch.size() == BATCH && delivered == batch.get(BATCH - 1).sequence();
            }
            if (saved == null || delivered != position) {
                ListenerPositions.save(tx, listener.id(), key, delivered);
                tx.commit();
            }
            return more;
        } catch (StorageConflictException e) {
            return false; // another node is delivering this stream to this listener right now
        }
    }

    /** Hands the records to the listener until one fails; returns the last sequence delivered. */
    private long deliverBatch(StreamKey key, StreamInfo stream, List<StoredChange> batch, long delivered) {
        String streamArn = key.arn(settings);
        for (StoredChange change : batch) {
            try {
                listener.listener().onChange(key.tableName(), changeRecords.of(change, stream, streamArn));
            } catch (RuntimeException e) {
                Long before = failedAt.put(key, change.sequence());
                Level level = before != null && before == change.sequence() ? Level.FINE : Level.WARNING;
                LOG.log(level, "Stream listener " + listener.id() + " failed on record " + change.sequence() + " of table " + key.tableName()
                        + "; it is delivered again at the next pass", e);
                return delivered;
            }
            delivered = change.sequence();
        }
        failedAt.remove(key);
        return delivered;
    }
}
