package io.modyn.engine.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.KeyOrder;
import io.modyn.api.storage.KeyRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Components keep the order of their values whatever follows them, and ranges over one component select exactly its values. */
class IndexKeyCodecTest {

    private static final byte[][] VALUES = {
        {}, {0}, {0, 0}, {0, 1}, {0, (byte) 0xFF}, {1}, {1, 0}, {1, 0, 0}, {(byte) 0xFF}, {(byte) 0xFF, 0}, {(byte) 0xFF, (byte) 0xFF},
    };
    private static final byte[][] SUFFIXES = {{}, {0}, {(byte) 0xFF}, {0, 1, 2}};

    @Test
    void concatenatedComponentsSortByTheirFirstValue() {
        for (byte[] a : VALUES) {
            for (byte[] b : VALUES) {
                int expected = Integer.signum(KeyOrder.compareBytes(a, b));
                if (expected == 0) continue;
                for (byte[] suffixA : SUFFIXES) {
                    for (byte[] suffixB : SUFFIXES) {
                        byte[] keyA = IndexKeyCodec.concat(IndexKeyCodec.component(a), suffixA);
                        byte[] keyB = IndexKeyCodec.concat(IndexKeyCodec.component(b), suffixB);
                        assertTrue(expected == Integer.signum(KeyOrder.compareBytes(keyA, keyB)));
                    }
                }
            }
        }
    }

    @Test
    void componentRangeSelectsTheKeysWhoseComponentIsInTheValueRange() {
        byte[] prefix = IndexKeyCodec.component(new byte[] {7});
        List<KeyRange> valueRanges = new ArrayList<>();
        for (byte[] a : VALUES) {
            valueRanges.add(KeyRange.exactly(a));
            valueRanges.add(new KeyRange(a, false, null, false));
            valueRanges.add(new KeyRange(null, false, a, true));
            valueRanges.add(KeyRange.prefix(a));
            for (byte[] b : VALUES) valueRanges.add(new KeyRange(a, true, b, false));
        }
        for (KeyRange valueRange : valueRanges) {
            KeyRange keyRange = IndexKeyCodec.componentRange(prefix, valueRange);
            for (byte[] value : VALUES) {
                for (byte[] suffix : SUFFIXES) {
                    byte[] key = IndexKeyCodec.concat(prefix, IndexKeyCodec.component(value), suffix);
                    boolean expected = valueRange.contains(value) && !valueRange.isEmpty();
                    assertTrue(expected == keyRange.contains(key), () -> "range " + valueRange + " value " + java.util.Arrays.toString(value));
                }
            }
            byte[] otherPrefix = IndexKeyCodec.concat(IndexKeyCodec.component(new byte[] {8}), IndexKeyCodec.component(new byte[] {}));
            assertFalse(keyRange.contains(otherPrefix));
        }
    }
}
