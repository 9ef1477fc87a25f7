package io.modyn.itests.storage;

import static io.modyn.itests.support.AttributeValues.n;
import static io.modyn.itests.support.AttributeValues.s;

import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A deterministic set of items of mixed sizes (1 KB to 400 KB: six in ten under 16 KB, three
 * under 128 KB, one up to the item size limit), large in total, whose content is derived from the
 * seed and the item's number, so a reader can regenerate and compare every byte instead of
 * keeping the data in the test's memory.
 *
 * <p>Item {@code i} goes to partition {@code p<i % PARTITIONS>} with sort key {@code i}, in one of
 * two tables chosen by blocks of {@value #BATCH} numbers: blocks of the first table are written
 * with PutItem, blocks of the second with one BatchWriteItem each.
 */
record BlobCorpus(long seed, int count, long bytes) {

    static final int PARTITIONS = 32;
    static final int BATCH = 25;
    private static final int KB = 1024;
    /** Under 400 KB with the key and attribute names: DynamoDB's item size limit. */
    static final int MAX_PAYLOAD = 400_000;

    /** The first items whose payloads add up to at least {@code volume} bytes. */
    static BlobCorpus of(long seed, long volume) {
        int count = 0;
        long bytes = 0;
        while (bytes < volume) bytes += size(seed, count++);
        return new BlobCorpus(seed, count, bytes);
    }

    static int size(long seed, int item) {
        return sizeOf(random(seed, item));
    }

    /** 0 or 1: the table item {@code item} belongs to; table 1 is written by BatchWriteItem. */
    static int table(int item) {
        return (item / BATCH) % 2;
    }

    static String partition(int item) {
        return "p" + item % PARTITIONS;
    }

    byte[] payload(int item) {
        SplittableRandom random = random(seed, item);
        byte[] payload = new byte[sizeOf(random)];
        random.nextBytes(payload);
        return payload;
    }

    Map<String, AttributeValue> item(int item) {
        byte[] payload = payload(item);
        return Map.of("pk", s(partition(item)), "sk", n(item), "len", n(payload.length),
                "data", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(payload)));
    }

    static Map<String, AttributeValue> key(int item) {
        return Map.of("pk", s(partition(item)), "sk", n(item));
    }

    private static SplittableRandom random(long seed, int item) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + item);
    }

    private static int sizeOf(SplittableRandom random) {
        int band = random.nextInt(10);
        if (band < 6) return random.nextInt(KB, 16 * KB);
        if (band < 9) return random.nextInt(16 * KB, 128 * KB);
        return random.nextInt(128 * KB, MAX_PAYLOAD + 1);
    }
}
