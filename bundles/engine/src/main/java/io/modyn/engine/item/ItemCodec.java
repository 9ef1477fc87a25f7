package io.modyn.engine.item;

import io.modyn.api.model.AttributeValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of an item that storage keeps as a record value.
 *
 * <pre>
 *   item   := version(1 byte = 1) varint(count) (name value)*
 *   name   := varint(length) utf8
 *   value  := tag(1 byte) payload
 *   S, N   := varint(length) utf8          (N in DynamoDB's normalised text)
 *   B      := varint(length) bytes
 *   BOOL   := tag only (TRUE / FALSE tags)
 *   NULL   := tag only
 *   L      := varint(count) value*
 *   M      := varint(count) (name value)*
 *   SS, NS := varint(count) (varint(length) utf8)*
 *   BS     := varint(count) (varint(length) bytes)*
 * </pre>
 * Numbers are stored as text so that they round-trip digit for digit.
 */
public final class ItemCodec {

    private static final int VERSION = 1;

    private static final int S = 1, N = 2, B = 3, TRUE = 4, FALSE = 5, NULL = 6, L = 7, M = 8, SS = 9, NS = 10, BS = 11;

    private ItemCodec() {
    }

    public static byte[] encode(Map<String, AttributeValue> item) {
        Output out = new Output(256);
        out.write(VERSION);
        writeMap(out, item);
        return out.toByteArray();
    }

    public static Map<String, AttributeValue> decode(byte[] bytes) {
        return decodeSized(bytes).item();
    }

    /** An item decoded together with its size as {@link ItemSize} measures it. */
    public record SizedItem(Map<String, AttributeValue> item, long size) {
    }

    /**
     * Decodes an item and measures its DynamoDB size in the same pass: names and strings are
     * stored as UTF-8, so their sizes are the lengths read, and a Query or Scan that counts the
     * bytes it read does not scan every string again as {@link ItemSize#of(Map)} would.
     */
    public static SizedItem decodeSized(byte[] bytes) {
        Input in = new Input(bytes);
        int version = in.readByte();
        if (version != VERSION) throw new IllegalStateException("unknown item encoding version " + version);
        Map<String, AttributeValue> item = readMap(in);
        return new SizedItem(item, in.size);
    }

    private static void writeMap(Output out, Map<String, AttributeValue> map) {
        out.varint(map.size());
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            out.string(e.getKey());
            writeValue(out, e.getValue());
        }
    }

    private static void writeValue(Output out, AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            out.write(S);
            out.string(s.value());
        } else if (value instanceof AttributeValue.N n) {
            out.write(N);
            out.string(n.text());
        } else if (value instanceof AttributeValue.B b) {
            out.write(B);
            out.bytes(b.value());
        } else if (value instanceof AttributeValue.Bool b) {
            out.write(b.value() ? TRUE : FALSE);
        } else if (value instanceof AttributeValue.Null) {
            out.write(NULL);
        } else if (value instanceof AttributeValue.L l) {
            out.write(L);
            out.varint(l.values().size());
            for (AttributeValue v : l.values()) writeValue(out, v);
        } else if (value instanceof AttributeValue.M m) {
            out.write(M);
            writeMap(out, m.values());
        } else if (value instanceof AttributeValue.SS ss) {
            out.write(SS);
            out.varint(ss.values().size());
            for (String v : ss.values()) out.string(v);
        } else if (value instanceof AttributeValue.NS ns) {
            out.write(NS);
            out.varint(ns.values().size());
            for (BigDecimal v : ns.values()) out.string(v.toPlainString());
        } else if (value instanceof AttributeValue.BS bs) {
            out.write(BS);
            out.varint(bs.values().size());
            for (byte[] v : bs.values()) out.bytes(v);
        }
    }

    /** The entries of an item or of an M value; each adds its name's and its value's size. */
    private static Map<String, AttributeValue> readMap(Input in) {
        return readEntries(in, in.varint());
    }

    private static Map<String, AttributeValue> readEntries(Input in, int count) {
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String name = in.sizedString();
            map.put(name, readValue(in));
        }
        return map;
    }

    /** A value, adding its size (ItemSize's rules) to the input's count. */
    private static AttributeValue readValue(Input in) {
        int tag = in.readByte();
        switch (tag) {
            case S: return new AttributeValue.S(in.sizedString());
            case N: return new AttributeValue.N(in.sizedNumber());
            case B: {
                byte[] b = in.bytes();
                in.size += b.length;
                return new AttributeValue.B(b);
            }
            case TRUE: in.size++; return AttributeValue.Bool.TRUE;
            case FALSE: in.size++; return AttributeValue.Bool.FALSE;
            case NULL: in.size++; return AttributeValue.Null.INSTANCE;
            case L: {
                int n = in.varint();
                in.size += 3 + n;
                List<AttributeValue> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(readValue(in));
                return new AttributeValue.L(values);
            }
            case M: {
                int n = in.varint();
                in.size += 3 + n;
                return new AttributeValue.M(readEntries(in, n));
            }
            case SS: {
                int n = in.varint();
                List<String> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(in.sizedString());
                return new AttributeValue.SS(values);
            }
            case NS: {
                int n = in.varint();
                List<BigDecimal> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(in.sizedNumber());
                return new AttributeValue.NS(values);
            }
            case BS: {
                int n = in.varint();
                List<byte[]> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    byte[] b = in.bytes();
                    in.size += b.length;
                    values.add(b);
                }
                return new AttributeValue.BS(values);
            }
            default: throw new IllegalStateException("corrupt item: unknown value tag " + tag);
        }
    }

    private static final class Output extends ByteArrayOutputStream {
        Output(int size) { super(size); }

        void varint(int v) {
            while ((v & ~0x7f) != 0) {
                write((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void string(String s) { bytes(s.getBytes(StandardCharsets.UTF_8)); }

        void bytes(byte[] b) {
            varint(b.length);
            write(b, 0, b.length);
        }
    }

    private static final class Input {
        private final byte[] buf;
        private int pos;
        /** The DynamoDB size of what has been read so far. */
        private long size;

        Input(byte[] buf) { this.buf = buf; }

        int readByte() { return buf[pos++] & 0xff; }

        int varint() {
            int result = 0;
            for (int shift = 0; ; shift += 7) {
                int b = readByte();
                result |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) return result;
            }
        }

        String string() {
            int n = varint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** A name or string; its UTF-8 length is its size. */
        String sizedString() {
            int n = varint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            size += n;
            return s;
        }

        BigDecimal sizedNumber() {
            BigDecimal number = new BigDecimal(string());
            size += ItemSize.numberSize(number);
            return number;
        }

        byte[] bytes() {
            int n = varint();
            byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }
    }
}
