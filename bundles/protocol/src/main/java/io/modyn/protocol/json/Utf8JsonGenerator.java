package io.modyn.protocol.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerationException;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * A JSON-P generator that writes UTF-8 bytes straight into one byte array: every response passes
 * through here, and Parsson's generator, writing to an {@code OutputStream}, goes through a char
 * buffer and an {@code OutputStreamWriter} (an 8 KB encoder buffer per response, a second copy of
 * every character) and allocates a context object per JSON object or array.
 *
 * <p>The text is Parsson's, byte for byte: no white space; in strings {@code "} and {@code \} are
 * escaped with a backslash, the control characters with {@code \b \f \n \r \t} or {@code \}{@code u00xx}
 * (lower-case hex), everything else is written as it is, in UTF-8 (an unpaired surrogate as
 * {@code ?}, as the JDK's encoder writes it). Numbers are their {@code toString} forms. The calls
 * are checked like Parsson's: a call that would make the text malformed throws
 * {@link JsonGenerationException}, and so does closing an incomplete document.
 *
 * <p>The bytes go to the {@code OutputStream} given, in one write when the generator is closed, or
 * are taken with {@link #finish()} (exactly sized) by a caller that gave none. The working
 * array belongs to the thread while it writes: it is kept between responses of that thread, so a
 * thread's responses grow it once, not each time.
 */
public final class Utf8JsonGenerator implements JsonGenerator {

    /** The working array a thread keeps is given up when a response grew it beyond this. */
    static final int KEPT_BUFFER_BYTES = 256 * 1024;
    private static final int INITIAL_BUFFER_BYTES = 4096;
    private static final ThreadLocal<byte[]> BUFFERS = new ThreadLocal<>();

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** ASCII characters written as they are inside a string. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (int c = 0x20; c < 128; c++) PLAIN[c] = c != '"' && c != '\\';
    }

    // The open objects and arrays, innermost last: for each, whether it is an array and whether it is still empty.
    private boolean[] isArray = new boolean[16];
    private boolean[] empty = new boolean[16];
    private int depth;
    /** After writeKey: the next value is the member's and needs no comma. */
    private boolean afterKey;
    /** Whether the top-level value has been written. */
    private boolean wroteRoot;

    private final OutputStream out;
    private byte[] buf;
    private int len;
    private boolean closed;

    /** A generator whose bytes are taken with {@link #finish()}. */
    public Utf8JsonGenerator() {
        this(null);
    }

    /** A generator that writes its bytes to {@code out} when closed, and then closes {@code out}. */
    public Utf8JsonGenerator(OutputStream out) {
        this.out = out;
        byte[] kept = BUFFERS.get();
        if (kept != null) BUFFERS.set(null);
        this.buf = kept != null ? kept : new byte[INITIAL_BUFFER_BYTES];
    }

    /** Closes the generator and returns its text in an array of exactly its length. */
    public byte[] finish() {
        close();
        return Arrays.copyOf(buf, len);
    }

    // --- structure ---

    @Override
    public JsonGenerator writeStartObject() {
        beforeValue();
        open(false, '{');
        return this;
    }

    @Override
    public JsonGenerator writeStartObject(String name) {
        name(name);
        open(false, '{');
        return this;
    }

    @Override
    public JsonGenerator writeStartArray() {
        beforeValue();
        open(true, '[');
        return this;
    }

    @Override
    public JsonGenerator writeStartArray(String name) {
        name(name);
        open(true, '[');
        return this;
    }

    @Override
    public JsonGenerator writeKey(String name) {
        name(name);
        afterKey = true;
        return this;
    }

    @Override
    public JsonGenerator writeEnd() {
        if (depth == 0 || afterKey) throw new JsonGenerationException("writeEnd() cannot be called in no context");
        depth--;
        ensure(1);
        buf[len++] = (byte) (isArray[depth] ? ']' : '}');
        return this;
    }

    // --- members ---

    @Override
    public JsonGenerator write(String name, JsonValue value) {
        writeKey(name);
        return write(value);
    }

    @Override
    public JsonGenerator write(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    @Override
    public JsonGenerator write(String name, BigInteger value) {
        name(name);
        ascii(String.valueOf(value));
        return this;
    }

    @Override
    public JsonGenerator write(String name, BigDecimal value) {
        name(name);
        ascii(String.valueOf(value));
        return this;
    }

    @Override
    public JsonGenerator write(String name, int value) {
        name(name);
        ascii(Integer.toString(value));
        return this;
    }

    @Override
    public JsonGenerator write(String name, long value) {
        name(name);
        ascii(Long.toString(value));
        return this;
    }

    @Override
    public JsonGenerator write(String name, double value) {
        checkFinite(value);
        name(name);
        ascii(String.valueOf(value));
        return this;
    }

    @Override
    public JsonGenerator write(String name, boolean value) {
        name(name);
        ascii(value ? "true" : "false");
        return this;
    }

    @Override
    public JsonGenerator writeNull(String name) {
        name(name);
        ascii("null");
        return this;
    }

    // --- values ---

    @Override
    public JsonGenerator write(JsonValue value) {
        switch (value.getValueType()) {
            case ARRAY -> {
                writeStartArray();
                for (JsonValue element : (JsonArray) value) write(element);
                writeEnd();
            }
            case OBJECT -> {
                writeStartObject();
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) write(member.getKey(), member.getValue());
                writeEnd();
            }
            case STRING -> write(((JsonString) value).getString());
            case NUMBER -> {
                beforeValue();
                ascii(((JsonNumber) value).toString());
            }
            case TRUE -> write(true);
            case FALSE -> write(false);
            case NULL -> writeNull();
        }
        return this;
    }

    @Override
    public JsonGenerator write(String value) {
        beforeValue();
        string(value);
        return this;
    }

    @Override
    public JsonGenerator write(BigDecimal value) {
        beforeValue();
        ascii(value.toString());
        return this;
    }

    @Override
    public JsonGenerator write(BigInteger value) {
        beforeValue();
        ascii(value.toString());
        return this;
    }

    @Override
    public JsonGenerator write(int value) {
        beforeValue();
        ascii(Integer.toString(value));
        return this;
    }

    @Override
    public JsonGenerator write(long value) {
        beforeValue();
        ascii(Long.toString(value));
        return this;
    }

    @Override
    public JsonGenerator write(double value) {
        checkFinite(value);
        beforeValue();
        ascii(String.valueOf(value));
        return this;
    }

    @Override
    public JsonGenerator write(boolean value) {
        beforeValue();
        ascii(value ? "true" : "false");
        return this;
    }

    @Override
    public JsonGenerator writeNull() {
        beforeValue();
        ascii("null");
        return this;
    }

    @Override
    public void flush() {
        // Nothing is written to the stream before close: a response is sent whole.
    }

    /** Checks the document is complete, writes it to the stream (if one was given) and gives the working array back to the thread. */
    @Override
    public void close() {
        if (closed) return;
        if (depth != 0 || afterKey || !wroteRoot) throw new JsonGenerationException("Generating incomplete JSON");
        closed = true;
        if (out != null) {
            try {
                out.write(buf, 0, len);
                out.close();
            } catch (IOException e) {
                throw new JsonException("I/O error while closing JsonGenerator", e);
            }
        }
        if (buf.length <= KEPT_BUFFER_BYTES) BUFFERS.set(buf);
    }

    // --- the state machine ---

    /** Before a value that is not a member's: as an array element (after a comma if not the first) or as the document. */
    private void beforeValue() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth == 0) {
            if (wroteRoot) throw new JsonGenerationException("Cannot generate more than one JSON text");
            wroteRoot = true;
            return;
        }
        if (!isArray[depth - 1]) throw new JsonGenerationException("Illegal method in current context: IN_OBJECT");
        comma();
    }

    /** Writes a member's name and colon; only inside an object. */
    private void name(String name) {
        if (depth == 0 || isArray[depth - 1] || afterKey) {
            throw new JsonGenerationException("Illegal method in current context: " + (depth == 0 ? "IN_NONE" : afterKey ? "IN_FIELD" : "IN_ARRAY"));
        }
        comma();
        string(name);
        ensure(1);
        buf[len++] = ':';
    }

    private void comma() {
        int top = depth - 1;
        if (empty[top]) {
            empty[top] = false;
        } else {
            ensure(1);
            buf[len++] = ',';
        }
    }

    private void open(boolean array, char bracket) {
        if (depth == isArray.length) {
            isArray = Arrays.copyOf(isArray, depth * 2);
            empty = Arrays.copyOf(empty, depth * 2);
        }
        isArray[depth] = array;
        empty[depth] = true;
        depth++;
        ensure(1);
        buf[len++] = (byte) bracket;
    }

    private static void checkFinite(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) throw new NumberFormatException("Infinite or NaN is not allowed in JSON");
    }

    // --- bytes ---

    private void ensure(int more) {
        if (len + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }

    /** Text known to be plain ASCII (numbers, literals). */
    private void ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[len + i] = (byte) text.charAt(i);
        len += n;
    }

    /** A quoted, escaped string; a run of plain ASCII is copied without further checks. */
    private void string(String text) {
        int n = text.length();
        ensure(n + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !PLAIN[c]) break;
            b[at++] = (byte) c;
        }
        len = at;
        if (i < n) rest(text, i);
        ensure(1);
        buf[len++] = '"';
    }

    /** The string from {@code i} on, where escapes and multi-byte characters begin. */
    private void rest(String text, int i) {
        int n = text.length();
        for (; i < n; i++) {
            char c = text.charAt(i);
            ensure(6);
            byte[] b = buf;
            if (c < 128) {
                if (PLAIN[c]) {
                    b[len++] = (byte) c;
                } else {
                    b[len++] = '\\';
                    switch (c) {
                        case '"' -> b[len++] = '"';
                        case '\\' -> b[len++] = '\\';
                        case '\b' -> b[len++] = 'b';
                        case '\f' -> b[len++] = 'f';
                        case '\n' -> b[len++] = 'n';
                        case '\r' -> b[len++] = 'r';
                        case '\t' -> b[len++] = 't';
                        default -> {
                            b[len++] = 'u';
                            b[len++] = '0';
                            b[len++] = '0';
                            b[len++] = HEX[c >> 4];
                            b[len++] = HEX[c & 0xf];
                        }
                    }
                }
            } else if (c < 0x800) {
                b[len++] = (byte) (0xc0 | c >> 6);
                b[len++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    b[len++] = (byte) (0xf0 | cp >> 18);
                    b[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[len++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[len++] = '?';
                }
            } else {
                b[len++] = (byte) (0xe0 | c >> 12);
                b[len++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[len++] = (byte) (0x80 | c & 0x3f);
            }
        }
    }
}
