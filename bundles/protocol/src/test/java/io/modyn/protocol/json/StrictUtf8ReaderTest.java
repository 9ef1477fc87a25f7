package io.modyn.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request body decoder accepts and refuses exactly what the JDK's strict UTF-8 decoder does. */
class StrictUtf8ReaderTest {

    private static final int[] INTERESTING = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0xff};

    @Test
    void decodesEveryTwoByteSequenceAsTheJdkDoes() throws IOException {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) assertSameDecoding(bytes(a, b));
        }
    }

    @Test
    void decodesThreeAndFourByteSequencesAsTheJdkDoes() throws IOException {
        for (int lead = 0xe0; lead <= 0xff; lead++) {
            for (int b1 : INTERESTING) {
                for (int b2 : INTERESTING) {
                    assertSameDecoding(bytes(lead, b1, b2));
                    for (int b3 : INTERESTING) assertSameDecoding(bytes(lead, b1, b2, b3));
                }
            }
        }
    }

    @Test
    void decodesRandomTextAsTheJdkDoes() throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] text = new byte[1 + random.nextInt(16)];
            for (int j = 0; j < text.length; j++) text[j] = (byte) (random.nextBoolean() ? random.nextInt(128) : 0x80 + random.nextInt(128));
            assertSameDecoding(text);
        }
        String valid = "ascii é ß € 中文 \uD83D\uDE00\uD83C\uDF89 end";
        assertSameDecoding(valid.getBytes(StandardCharsets.UTF_8));
    }

    /** The JDK's answer and ours, read through buffers of one char (a supplementary character spans two reads) and of 8192. */
    private static void assertSameDecoding(byte[] text) throws IOException {
        String expected;
        try {
            expected = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(text)).toString();
        } catch (CharacterCodingException e) {
            expected = "malformed";
        }
        assertEquals(expected, readAll(text, 1), () -> hex(text));
        assertEquals(expected, readAll(text, 8192), () -> hex(text));
    }

    private static String readAll(byte[] text, int bufferSize) throws IOException {
        StringBuilder decoded = new StringBuilder();
        char[] buffer = new char[bufferSize];
        try (Reader reader = new StrictUtf8Reader(text)) {
            for (int n; (n = reader.read(buffer, 0, buffer.length)) != -1; ) decoded.append(buffer, 0, n);
        } catch (MalformedInputException e) {
            return "malformed";
        }
        return decoded.toString();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length + 2];
        bytes[0] = 'x';
        for (int i = 0; i < values.length; i++) bytes[i + 1] = (byte) values[i];
        bytes[bytes.length - 1] = 'y';
        return bytes;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) hex.append(String.format("%02x ", b & 0xff));
        return hex.toString();
    }
}
