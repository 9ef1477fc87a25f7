package io.modyn.storage.file.commitlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

    private static byte[] frames(byte[]... payloads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32C crc = new CRC32C();
        for (byte[] payload : payloads) RecordFrame.write(out, payload, crc);
        return out.toByteArray();
    }

    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(new ByteArrayInputStream(bytes), 0, bytes.length);
    }

    @Test
    void readsFramesBackInOrderThenEnds() throws IOException {
        FrameReader reader = reader(frames(new byte[] {1}, new byte[] {2, 3}));
        assertArrayEquals(new byte[] {1}, reader.next());
        assertEquals(RecordFrame.HEADER_SIZE + 1, reader.offset());
        assertArrayEquals(new byte[] {2, 3}, reader.next());
        assertNull(reader.next());
    }

    @Test
    void truncatedPayloadIsCorruptAtTheFrameStart() throws IOException {
        byte[] bytes = frames(new byte[] {1}, new byte[100]);
        FrameReader reader = reader(Arrays.copyOf(bytes, bytes.length - 1));
        reader.next();
        CorruptFrameException e = assertThrows(CorruptFrameException.class, reader::next);
        assertEquals(RecordFrame.HEADER_SIZE + 1, e.offset());
        assertEquals(RecordFrame.HEADER_SIZE + 1, reader.offset(), "the offset stays after the last good frame");
    }

    @Test
    void truncatedHeaderIsCorrupt() throws IOException {
        byte[] bytes = frames(new byte[] {1});
        assertThrows(CorruptFrameException.class, () -> reader(Arrays.copyOf(bytes, 5)).next());
    }

    @Test
    void flippedPayloadBitFailsTheChecksum() throws IOException {
        byte[] bytes = frames(new byte[] {1, 2, 3});
        bytes[bytes.length - 1] ^= 0x10;
        assertThrows(CorruptFrameException.class, () -> reader(bytes).next());
    }

    @Test
    void garbledLengthIsCaughtBeforeAllocating() throws IOException {
        byte[] bytes = frames(new byte[] {1, 2, 3});
        ByteBuffer.wrap(bytes).putInt(0, Integer.MAX_VALUE);
        assertThrows(CorruptFrameException.class, () -> reader(bytes).next());
    }

    @Test
    void lengthThatStillFitsButIsWrongFailsTheChecksum() throws IOException {
        byte[] bytes = frames(new byte[] {1, 2, 3}, new byte[] {4});
        ByteBuffer.wrap(bytes).putInt(0, 2);
        assertThrows(CorruptFrameException.class, () -> reader(bytes).next());
    }

    @Test
    void zeroesAreNotAFrame() {
        assertThrows(CorruptFrameException.class, () -> reader(new byte[64]).next());
    }
}
