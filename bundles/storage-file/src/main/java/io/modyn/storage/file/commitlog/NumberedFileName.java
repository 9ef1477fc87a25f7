package io.modyn.storage.file.commitlog;

/**
 * The naming rule every numbered file of the storage follows: a prefix, the number in 20 digits (so
 * names sort as numbers do), a suffix. Commit-log segments, manifests, sorted tables and format-1
 * snapshots each name their files with one of these.
 */
public record NumberedFileName(String prefix, String suffix) {

    public String of(long number) {
        if (number < 0) throw new IllegalArgumentException("negative file number " + number);
        return prefix + String.format("%020d", number) + suffix;
    }

    /** The number in a file name of this kind, or -1 if the name is not one. */
    public long numberOf(String name) {
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() == prefix.length() + suffix.length()) return -1;
        String digits = name.substring(prefix.length(), name.length() - suffix.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return -1;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }
}
