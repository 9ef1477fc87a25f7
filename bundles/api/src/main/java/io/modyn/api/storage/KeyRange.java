package io.modyn.api.storage;

/**
 * A range of sort keys within one partition. A null bound is open; bounds are compared as
 * unsigned bytes. Query's key conditions, its exclusive start key and {@code begins_with} all
 * become one range.
 */
public record KeyRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {

    private static final KeyRange ALL = new KeyRange(null, false, null, false);

    public static KeyRange all() { return ALL; }

    public static KeyRange exactly(byte[] sort) { return new KeyRange(sort, true, sort, true); }

    /** Every key that starts with the prefix: [prefix, next prefix). */
    public static KeyRange prefix(byte[] prefix) {
        return new KeyRange(prefix, true, successorOfPrefix(prefix), false);
    }

    public boolean contains(byte[] sort) {
        if (lower != null) {
            int c = KeyOrder.compareBytes(sort, lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) return false;
        }
        if (upper != null) {
            int c = KeyOrder.compareBytes(sort, upper);
            if (c > 0 || (c == 0 && !upperInclusive)) return false;
        }
        return true;
    }

    /** The same range, narrowed to keys strictly after {@code start} (ascending order). */
    public KeyRange after(byte[] start) {
        if (lower != null && KeyOrder.compareBytes(lower, start) > 0) return this;
        return new KeyRange(start, false, upper, upperInclusive);
    }

    /** The same range, narrowed to keys strictly before {@code start} (descending order). */
    public KeyRange before(byte[] start) {
        if (upper != null && KeyOrder.compareBytes(upper, start) < 0) return this;
        return new KeyRange(lower, lowerInclusive, start, false);
    }

    /** True if no key can be in the range. */
    public boolean isEmpty() {
        if (lower == null || upper == null) return false;
        int c = KeyOrder.compareBytes(lower, upper);
        return c > 0 || (c == 0 && !(lowerInclusive && upperInclusive));
    }

    /** The smallest byte string greater than every string with this prefix, or null if none. */
    private static byte[] successorOfPrefix(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if ((prefix[i] & 0xff) != 0xff) {
                byte[] next = java.util.Arrays.copyOf(prefix, i + 1);
                next[i]++;
                return next;
            }
        }
        return null;
    }
}
