package io.modyn.storage.file.sstable;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The last 80 bytes of a table: where each section is, with its length and CRC32C, then the format
 * version, a CRC32C of the 68 bytes before it, and the magic {@code MDYNSSTF}. A reader starts
 * here; a file cut short or not fully written has no valid footer.
 */
record TableFooter(Section blockIndex, Section partitionIndex, Section bloomFilter, Section statistics) {

    static final int SIZE = 80;
    static final byte[] MAGIC = {'M', 'D', 'Y', 'N', 'S', 'S', 'T', 'F'};

    record Section(String name, long offset, int length, int crc) {

        static Section of(String name, long offset, byte[] bytes) {
            return new Section(name, offset, bytes.length, TableFooter.crc(bytes));
        }
    }

    static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    Section[] sections() {
        return new Section[] {blockIndex, partitionIndex, bloomFilter, statistics};
    }

    ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        for (Section section : sections()) out.putLong(section.offset()).putInt(section.length()).putInt(section.crc());
        out.putInt(TableHeader.VERSION);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        out.put(MAGIC);
        return out.flip();
    }

    /** @throws IllegalArgumentException naming what does not check out */
    static TableFooter decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[SIZE - MAGIC.length + i] != MAGIC[i]) throw new IllegalArgumentException("no footer magic: not a sorted table, or cut short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 68);
        if ((int) crc.getValue() != in.getInt(68)) throw new IllegalArgumentException("CRC mismatch");
        int version = in.getInt(64);
        TableHeader.checkVersion(version);
        String[] names = {"block index", "partition index", "Bloom filter", "statistics"};
        Section[] sections = new Section[4];
        for (int i = 0; i < 4; i++) sections[i] = new Section(names[i] + " section", in.getLong(), in.getInt(), in.getInt());
        return new TableFooter(sections[0], sections[1], sections[2], sections[3]);
    }
}
