package io.modyn.engine.encryption;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the stored value of one record with AES-256-GCM under a table's data key.
 *
 * <pre>
 *   sealed := 0xA5 (format 1) version(int32, the data key's version) nonce(12 bytes) ciphertext+tag(16 bytes)
 *   aad    := "modyn-sse-1" table-id keyspace partition sort version    (each length-prefixed)
 * </pre>
 * The associated data binds the ciphertext to its table, its record (keyspace, partition and sort
 * key) and its data key version: a value copied to another item, index entry or table, or altered
 * in any bit, fails to open. Unsealed values (the item and stream codecs write version byte 1
 * first) stay readable: {@link #isSealed} tells them apart by the first byte.
 *
 * <p>Thread-safe: {@link Cipher} instances are per thread.
 */
public final class ItemCipher {

    /** The first byte of a sealed value; the plain codecs start with their format version (1). */
    public static final byte SEALED_FORMAT_1 = (byte) 0xA5;

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_BYTES = 1 + 4 + NONCE_BYTES;
    /** The bytes sealing adds to a value. */
    public static final int OVERHEAD = HEADER_BYTES + TAG_BITS / 8;

    private static final byte[] AAD_LABEL = "modyn-sse-1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    });

    private ItemCipher() {
    }

    /** Whether a stored value is sealed (else it was written unsealed and is read as it is). */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length >= OVERHEAD && stored[0] == SEALED_FORMAT_1;
    }

    /** The data key version a sealed value names in its header. */
    public static int version(byte[] sealed) {
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    /** Seals {@code plain} for the record at {@code keyspace/partition/sort} of table {@code tableId}. */
    public static byte[] seal(SecretKey dataKey, int version, String tableId, String keyspace, byte[] partition, byte[] sort, byte[] plain) {
        byte[] out = new byte[OVERHEAD + plain.length];
        ByteBuffer header = ByteBuffer.wrap(out, 0, HEADER_BYTES);
        header.put(SEALED_FORMAT_1).putInt(version);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        header.put(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tableId, keyspace, partition, sort, version));
            cipher.doFinal(plain, 0, plain.length, out, HEADER_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * Opens a sealed value of the record at {@code keyspace/partition/sort}.
     *
     * @throws GeneralSecurityException if the value was altered, or sealed for another record,
     *     table or key version
     */
    public static byte[] open(SecretKey dataKey, String tableId, String keyspace, byte[] partition, byte[] sort, byte[] sealed)
            throws GeneralSecurityException {
        int version = version(sealed);
        Cipher cipher = CIPHERS.get();
        cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed, 5, NONCE_BYTES));
        cipher.updateAAD(associatedData(tableId, keyspace, partition, sort, version));
        return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
    }

    private static byte[] associatedData(String tableId, String keyspace, byte[] partition, byte[] sort, int version) {
        byte[] table = tableId.getBytes(StandardCharsets.UTF_8);
        byte[] space = keyspace.getBytes(StandardCharsets.UTF_8);
        byte[] sortBytes = sort == null ? new byte[0] : sort;
        ByteBuffer aad = ByteBuffer.allocate(AAD_LABEL.length + 4 * 4 + table.length + space.length + partition.length + sortBytes.length + 4);
        aad.put(AAD_LABEL);
        aad.putInt(table.length).put(table);
        aad.putInt(space.length).put(space);
        aad.putInt(partition.length).put(partition);
        aad.putInt(sortBytes.length).put(sortBytes);
        aad.putInt(version);
        return aad.array();
    }
}
