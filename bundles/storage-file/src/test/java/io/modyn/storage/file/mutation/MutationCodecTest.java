package io.modyn.storage.file.mutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutationCodecTest {

    private static final List<Mutation> BATCH = List.of(
            Mutation.createKeyspace("table.a-1_B"),
            Mutation.put("table.a-1_B", new byte[] {1, 2}, new byte[0], new byte[] {(byte) 0xff, 0}),
            Mutation.delete("index", new byte[0], new byte[] {9}),
            Mutation.dropKeyspace("old"));

    @Test
    void batchRoundTrips() {
        List<Mutation> decoded = MutationCodec.decode(MutationCodec.encode(BATCH));
        assertEquals(BATCH.size(), decoded.size());
        for (int i = 0; i < BATCH.size(); i++) {
            Mutation expected = BATCH.get(i);
            Mutation actual = decoded.get(i);
            assertEquals(expected.kind(), actual.kind());
            assertEquals(expected.keyspace(), actual.keyspace());
            assertArrayEquals(expected.partition(), actual.partition());
            assertArrayEquals(expected.sort(), actual.sort());
            assertArrayEquals(expected.value(), actual.value());
        }
        assertNull(decoded.get(2).value());
    }

    @Test
    void encodedSizeIsExact() {
        int expected = 1 + 4;
        for (Mutation mutation : BATCH) expected += MutationCodec.encodedSize(mutation);
        assertEquals(expected, MutationCodec.encode(BATCH).length);
    }

    @Test
    void emptyBatchRoundTrips() {
        assertEquals(List.of(), MutationCodec.decode(MutationCodec.encode(List.of())));
    }

    @Test
    void truncatedBatchIsRejected() {
        byte[] bytes = MutationCodec.encode(BATCH);
        assertThrows(IllegalArgumentException.class, () -> MutationCodec.decode(Arrays.copyOf(bytes, bytes.length - 1)));
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = MutationCodec.encode(BATCH);
        assertThrows(IllegalArgumentException.class, () -> MutationCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] bytes = MutationCodec.encode(BATCH);
        bytes[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> MutationCodec.decode(bytes));
    }
}
