package io.modyn.benchmarks;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.encryption.ItemCipher;
import io.modyn.engine.item.ItemCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CPU that encryption at rest adds per item: sealing (on every write of a base row, index row
 * or stream record) and opening (on every read) of a 1 KB item's stored value with the engine's
 * {@link ItemCipher}, measured as thread CPU time over many iterations after a warm-up. The budget
 * is 10 µs per 1 KB item written or read.
 *
 * <p>Run: {@code benchmarks/cipher-cost [itemBytes] [iterations]}
 */
public final class CipherCost {

    private CipherCost() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        int itemBytes = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        SecretKey key = new SecretKeySpec(material, "AES");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("customer#000042"));
        item.put("sk", AttributeValue.s("order#2026-12-07T15:55:00Z"));
        StringBuilder payload = new StringBuilder();
        while (ItemCodec.encode(withPayload(item, payload.toString())).length < itemBytes) payload.append('x');
        byte[] plain = ItemCodec.encode(withPayload(item, payload.toString()));
        String table = "5b0c1f1e-8a7d-4e0b-9a51-3c2a7e9d0f11";
        String keyspace = "table." + table;
        byte[] partition = "customer#000042".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sort = "order#2026-12-07T15:55:00Z".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] sealed = null;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                sealed = ItemCipher.seal(key, 1, table, keyspace, partition, sort, plain);
                sink += sealed[sealed.length - 1];
            }
            long sealNanos = threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < iterations; i++) {
                sink += ItemCipher.open(key, table, keyspace, partition, sort, sealed)[0];
            }
            long openNanos = threads.getCurrentThreadCpuTime() - start;
            if (round > 0) {
                System.out.printf("round %d: %d-byte item, %d iterations: seal %.2f µs CPU, open %.2f µs CPU per item%n", round, plain.length,
                        iterations, sealNanos / 1000.0 / iterations, openNanos / 1000.0 / iterations);
            }
        }
        if (sink == 42) System.out.println();
    }

    private static Map<String, AttributeValue> withPayload(Map<String, AttributeValue> item, String payload) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(item);
        copy.put("payload", AttributeValue.s(payload));
        return copy;
    }
}
