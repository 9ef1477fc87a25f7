package io.modyn.kms.keys;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code CiphertextBlob} of Encrypt and GenerateDataKey, format version 1 (FORMAT.md beside
 * this bundle's sources): a header naming the key and key version, a nonce, and the AES-GCM
 * ciphertext with its tag. The header and the encryption context are the associated data, so
 * changing a byte of either, or opening with another context or key, fails.
 */
public final class CiphertextBlob {

    public static final byte FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 1 + 16 + 4;
    static final int MINIMUM_BYTES = HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;

    /** The key and version a blob names, read before anything is decrypted. */
    public record Header(String keyId, int keyVersion) {
    }

    private CiphertextBlob() {
    }

    public static byte[] seal(String keyId, int keyVersion, byte[] keyMaterial, byte[] plaintext, Map<String, String> context) {
        byte[] header = header(keyId, keyVersion);
        byte[] nonce = AesGcm.newNonce();
        byte[] sealed = AesGcm.seal(keyMaterial, nonce, plaintext, associatedData(header, context));
        return ByteBuffer.allocate(header.length + nonce.length + sealed.length).put(header).put(nonce).put(sealed).array();
    }

    /** The header, or null if the bytes cannot be a version-1 blob. */
    public static Header header(byte[] blob) {
        if (blob == null || blob.length < MINIMUM_BYTES || blob[0] != FORMAT_VERSION) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob, 1, HEADER_BYTES - 1);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        int version = buffer.getInt();
        return version < 1 ? null : new Header(id.toString(), version);
    }

    public static byte[] open(byte[] blob, byte[] keyMaterial, Map<String, String> context) throws GeneralSecurityException {
        byte[] header = Arrays.copyOf(blob, HEADER_BYTES);
        byte[] nonce = Arrays.copyOfRange(blob, HEADER_BYTES, HEADER_BYTES + AesGcm.NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(blob, HEADER_BYTES + AesGcm.NONCE_BYTES, blob.length);
        return AesGcm.open(keyMaterial, nonce, sealed, associatedData(header, context));
    }

    private static byte[] header(String keyId, int keyVersion) {
        UUID id = UUID.fromString(keyId);
        return ByteBuffer.allocate(HEADER_BYTES).put(FORMAT_VERSION)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).putInt(keyVersion).array();
    }

    /** header || number of pairs || (key length, key, value length, value) per pair, keys in order. */
    static byte[] associatedData(byte[] header, Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        Map<String, String> sorted = new TreeMap<>(context == null ? Map.of() : context);
        out.writeBytes(ByteBuffer.allocate(4).putInt(sorted.size()).array());
        sorted.forEach((k, v) -> {
            writeString(out, k);
            writeString(out, v);
        });
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
