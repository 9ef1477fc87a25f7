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
        Input in = new Input(bytes);
        int version = in.readByte();
        if (version != VERSION) throw new IllegalStateException("unknown item encoding version " + version);
        return readMap(in);
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

    private static Map<String, AttributeValue> readMap(Input in) {
        int count = in.varint();
        Map<String, AttributeValue> map = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String name = in.string();
            map.put(name, readValue(in));
        }
        return map;
    }

    private static AttributeValue readValue(Input in) {
        int tag = in.readByte();
        switch (tag) {
            case S: return new AttributeValue.S(in.string());
            case N: return new AttributeValue.N(new BigDecimal(in.string()));
            case B: return new AttributeValue.B(in.bytes());
            case TRUE: return AttributeValue.Bool.TRUE;
            case FALSE: return AttributeValue.Bool.FALSE;
            case NULL: return AttributeValue.Null.INSTANCE;
            case L: {
                int n = in.varint();
                List<AttributeValue> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(readValue(in));
                return new AttributeValue.L(values);
            }
            case M: return new AttributeValue.M(readMap(in));
            case SS: {
                int n = in.varint();
                List<String> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(in.string());
                return new AttributeValue.SS(values);
            }
            case NS: {
                int n = in.varint();
                List<BigDecimal> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(new BigDecimal(in.string()));
                return new AttributeValue.NS(values);
            }
            case BS: {
                int n = in.varint();
                List<byte[]> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(in.bytes());
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

        byte[] bytes() {
            int n = varint();
            byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }
    }
}
