package io.modyn.auth.iam.identity;

import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.StorageEngine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the stores of users, groups and roles share: the system keyspace {@value #NAME} (created on
 * the first write, never by a read), the clock they date entities with, and IAM's unique ids (a
 * four-letter prefix such as {@code AIDA}, {@code AGPA} or {@code AROA}, then 16 characters).
 */
final class IdentityKeyspace {

    static final String NAME = "modyn.iam";
    private static final String ID_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final IdentityStorage storage;
    private final SecureRandom random;
    private final Clock clock;
    /** The engine whose keyspace is known to exist. */
    private volatile StorageEngine prepared;

    IdentityKeyspace(IdentityStorage storage, SecureRandom random, Clock clock) {
        this.storage = storage;
        this.random = random;
        this.clock = clock;
    }

    /** The engine, its keyspace created if need be: for transactions. */
    StorageEngine writable() {
        StorageEngine engine = storage.engine();
        if (prepared != engine) {
            engine.createKeyspace(NAME);
            prepared = engine;
        }
        return engine;
    }

    /** The engine, or null while its keyspace does not exist yet (then there is nothing to read). */
    StorageEngine readable() {
        StorageEngine engine = storage.engine();
        if (prepared == engine) return engine;
        if (engine.keyspaceExists(NAME)) {
            prepared = engine;
            return engine;
        }
        return null;
    }

    byte[] get(byte[] partition, byte[] sort) {
        StorageEngine engine = readable();
        return engine == null ? null : engine.get(NAME, partition, sort);
    }

    /** The records of a partition within the range, decoded, in key order. */
    <T> List<T> query(byte[] partition, KeyRange range, Function<byte[], T> decoder) {
        List<T> values = new ArrayList<>();
        StorageEngine engine = readable();
        if (engine == null) return values;
        try (RecordCursor cursor = engine.query(NAME, partition, range, false)) {
            cursor.forEachRemaining(record -> values.add(decoder.apply(record.value())));
        }
        return values;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    String newId(String prefix) {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) id[i] = ID_DIGITS.charAt(random.nextInt(ID_DIGITS.length()));
        return prefix + new String(id);
    }

    static byte[] ascii(String partition) {
        return partition.getBytes(StandardCharsets.US_ASCII);
    }

    /** The sort key of an entity named {@code name}: the name in lower case, since IAM names are unique regardless of case. */
    static byte[] nameKey(String name) {
        return name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }
}
