package io.modyn.api.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

    private static byte[] b(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }

    @Test
    void allContainsEverythingIncludingTheEmptyKey() {
        assertTrue(KeyRange.all().contains(b()));
        assertTrue(KeyRange.all().contains(b(0xff, 0xff)));
        assertFalse(KeyRange.all().isEmpty());
    }

    @Test
    void boundsAreComparedAsUnsignedBytes() {
        KeyRange range = new KeyRange(b(0x10), true, b(0x90), true);
        assertTrue(range.contains(b(0x80)), "0x80 is above 0x10 when unsigned");
        assertFalse(range.contains(b(0xa0)));
    }

    @Test
    void exclusiveBoundsExcludeTheBoundItself() {
        KeyRange range = new KeyRange(b(1), false, b(5), false);
        assertFalse(range.contains(b(1)));
        assertTrue(range.contains(b(1, 0)));
        assertTrue(range.contains(b(4, 0xff)));
        assertFalse(range.contains(b(5)));
    }

    @Test
    void exactlyContainsOnlyThatKey() {
        KeyRange range = KeyRange.exactly(b(7, 7));
        assertTrue(range.contains(b(7, 7)));
        assertFalse(range.contains(b(7)));
        assertFalse(range.contains(b(7, 7, 0)));
        assertFalse(range.isEmpty());
    }

    @Test
    void prefixContainsExactlyTheKeysStartingWithIt() {
        KeyRange range = KeyRange.prefix(b('a', 'b'));
        assertTrue(range.contains(b('a', 'b')));
        assertTrue(range.contains(b('a', 'b', 0xff, 0xff)));
        assertFalse(range.contains(b('a', 'c')));
        assertFalse(range.contains(b('a')));
        assertArrayEquals(b('a', 'c'), range.upper());
    }

    @Test
    void prefixEndingInFfCarriesIntoTheNextByte() {
        KeyRange range = KeyRange.prefix(b(1, 0xff));
        assertArrayEquals(b(2), range.upper());
        assertTrue(range.contains(b(1, 0xff, 0xff)));
        assertFalse(range.contains(b(2)));
    }

    @Test
    void prefixOfOnlyFfBytesHasNoUpperBound() {
        KeyRange range = KeyRange.prefix(b(0xff, 0xff));
        assertNull(range.upper());
        assertTrue(range.contains(b(0xff, 0xff, 0xff)));
        assertFalse(range.contains(b(0xff, 0xfe)));
    }

    @Test
    void emptyPrefixIsTheWholeRange() {
        KeyRange range = KeyRange.prefix(b());
        assertNull(range.upper());
        assertTrue(range.contains(b()));
        assertTrue(range.contains(b(0xff)));
    }

    @Test
    void afterExcludesTheStartAndEverythingBelow() {
        KeyRange range = new KeyRange(b(1), true, b(9), true).after(b(5));
        assertFalse(range.contains(b(5)));
        assertTrue(range.contains(b(5, 0)));
        assertTrue(range.contains(b(9)));
    }

    @Test
    void afterAStartBelowTheLowerBoundKeepsTheRange() {
        KeyRange range = new KeyRange(b(5), true, null, false);
        assertSame(range, range.after(b(3)));
    }

    @Test
    void afterTheInclusiveLowerBoundMakesItExclusive() {
        KeyRange range = new KeyRange(b(5), true, null, false).after(b(5));
        assertFalse(range.contains(b(5)));
    }

    @Test
    void beforeExcludesTheStartAndEverythingAbove() {
        KeyRange range = new KeyRange(b(1), true, b(9), true).before(b(5));
        assertFalse(range.contains(b(5)));
        assertTrue(range.contains(b(4, 0xff)));
        assertTrue(range.contains(b(1)));
    }

    @Test
    void beforeAStartAboveTheUpperBoundKeepsTheRange() {
        KeyRange range = new KeyRange(null, false, b(5), false);
        assertSame(range, range.before(b(7)));
    }

    @Test
    void emptinessFollowsTheBounds() {
        assertTrue(new KeyRange(b(5), true, b(4), true).isEmpty());
        assertTrue(new KeyRange(b(5), true, b(5), false).isEmpty());
        assertTrue(new KeyRange(b(5), false, b(5), true).isEmpty());
        assertFalse(new KeyRange(b(5), true, b(5), true).isEmpty());
        assertFalse(new KeyRange(b(5), false, b(5, 0), false).isEmpty());
        assertFalse(new KeyRange(null, false, b(0), false).isEmpty());
    }

    @Test
    void afterTheLastKeyOfAnExactRangeIsEmpty() {
        assertTrue(KeyRange.exactly(b(3)).after(b(3)).isEmpty());
        assertTrue(KeyRange.exactly(b(3)).before(b(3)).isEmpty());
    }
}
