package io.modyn.storage.file.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modyn.storage.file.record.OrderedKey;
import io.modyn.storage.file.record.VersionedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn and tampered tables: whatever byte is cut off or flipped, opening, reading or verifying the
 * table reports a {@link CorruptTableException} naming the file and the damaged part; nothing
 * returns wrong records.
 */
class CorruptTableTest {

    @TempDir
    Path directory;

    private Path file;
    private byte[] bytes;
    private TreeMap<OrderedKey, VersionedRecord> records;

    @BeforeEach
    void writeTable() throws IOException {
        records = Tables.random(new Random(5), 60, 3000);
        Tables.write(directory, 1, SortedTableOptions.defaults().withBlockSize(1024), records.values(), null).release();
        file = directory.resolve(SortedTableFiles.fileName(1));
        bytes = Files.readAllBytes(file);
    }

    /** Opens, reads every record and verifies; returns the corruption reported, or fails if none is. */
    private CorruptTableException damageFound(byte[] damaged) throws IOException {
        Path copy = directory.resolve(SortedTableFiles.fileName(2));
        byte[] renamed = damaged.clone();
        // The copy carries its own generation so that only the damage, not the name, is wrong.
        System.arraycopy(TableHeader.encode(2).array(), 0, renamed, 0, Math.min(TableHeader.SIZE, renamed.length));
        if (damaged.length >= TableHeader.SIZE && !Arrays.equals(damaged, 0, TableHeader.SIZE, bytes, 0, TableHeader.SIZE)) {
            System.arraycopy(damaged, 0, renamed, 0, TableHeader.SIZE);
        }
        Files.write(copy, renamed);
        SortedTable table;
        try {
            table = SortedTable.open(copy, null);
        } catch (CorruptTableException e) {
            return e;
        }
        try {
            try {
                table.verify();
            } catch (CorruptTableException e) {
                return e;
            }
            for (VersionedRecord record : records.values()) {
                try {
                    VersionedRecord read = table.get(record.key());
                    if (read != null) SortedTableTest.assertSame(record, read);
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CorruptTableException c) return c;
                    throw e;
                }
            }
            fail("damage not detected");
            return null;
        } finally {
            table.release();
        }
    }

    @Test
    void everyTruncationIsDetected() throws IOException {
        for (int length = 0; length < bytes.length; length += Math.max(1, length / 40)) {
            CorruptTableException e = damageFound(Arrays.copyOf(bytes, length));
            assertTrue(e.getMessage().contains(SortedTableFiles.fileName(2)), e.getMessage());
        }
        CorruptTableException lastByte = damageFound(Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(lastByte.getMessage().contains("footer"), lastByte.getMessage());
    }

    @Test
    void everyFlippedBitIsDetected() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            byte[] damaged = bytes.clone();
            int at = i < 200 ? i * (bytes.length / 200) : random.nextInt(bytes.length);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            damageFound(damaged);
        }
    }

    @Test
    void aDamagedBlockIsNamedWithItsNumberAndOffset() throws IOException {
        byte[] damaged = bytes.clone();
        damaged[TableHeader.SIZE + 20] ^= 1;
        CorruptTableException e = damageFound(damaged);
        assertTrue(e.getMessage().contains("block 0 at offset 24: CRC mismatch"), e.getMessage());
    }

    @Test
    void aDamagedSectionIsNamed() throws IOException {
        SortedTable table = SortedTable.open(file, null);
        long statisticsAt;
        try {
            statisticsAt = table.statistics().fileBytes() - TableFooter.SIZE - 5;
        } finally {
            table.release();
        }
        byte[] damaged = bytes.clone();
        damaged[(int) statisticsAt] ^= 0x10;
        CorruptTableException e = damageFound(damaged);
        assertTrue(e.getMessage().endsWith("statistics section: CRC mismatch"), e.getMessage());
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        byte[] newer = bytes.clone();
        int footerVersion = newer.length - TableFooter.SIZE + 64;
        newer[footerVersion + 3] = 3;
        byte[] crcInput = Arrays.copyOfRange(newer, newer.length - TableFooter.SIZE, newer.length - TableFooter.SIZE + 68);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(crcInput);
        Bytes.putInt(newer, newer.length - TableFooter.SIZE + 68, (int) crc.getValue());
        CorruptTableException e = damageFound(newer);
        assertTrue(e.getMessage().contains("format version 3, of a newer Modyn,"), e.getMessage());
    }

    @Test
    void aTableRenamedToAnotherGenerationIsRefused() throws IOException {
        Path renamed = directory.resolve(SortedTableFiles.fileName(7));
        Files.copy(file, renamed);
        CorruptTableException e = assertThrows(CorruptTableException.class, () -> SortedTable.open(renamed, null));
        assertTrue(e.getMessage().contains("generation 1 does not match the file name"), e.getMessage());
        assertEquals(renamed, e.file());
    }

    @Test
    void leftoverTemporaryFilesAreDeletedAtStart() throws IOException {
        SortedTableWriter interrupted = SortedTableWriter.create(directory, 9, 0, SortedTableOptions.defaults(), 10);
        for (VersionedRecord record : List.copyOf(records.values()).subList(0, 5)) interrupted.append(record);
        // A crash: the writer is never finished nor closed.
        Path temporary = directory.resolve(SortedTableFiles.temporaryName(9));
        assertTrue(Files.exists(temporary));
        assertEquals(List.of(file), SortedTableFiles.list(directory), "a temporary file is no table");
        SortedTableFiles.deleteTemporary(directory);
        assertTrue(Files.notExists(temporary));
        assertEquals(List.of(file), SortedTableFiles.list(directory));
        interrupted.close();
    }
}
