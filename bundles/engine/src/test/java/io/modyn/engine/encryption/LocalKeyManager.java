package io.modyn.engine.encryption;

import io.modyn.api.crypto.DataKey;
import io.modyn.api.crypto.KeyManager;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.crypto.KeyReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small key service for engine tests (the kms bundle's is the real one, exercised by the
 * itests): master keys in memory that can be disabled and enabled, data keys wrapped with
 * AES-GCM bound to the encryption context, and the AWS managed key created on first use.
 */
final class LocalKeyManager implements KeyManager {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:000000000000:key/";
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> material = new ConcurrentHashMap<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    String createKey() {
        String id = UUID.randomUUID().toString();
        byte[] key = new byte[32];
        random.nextBytes(key);
        material.put(id, key);
        states.put(id, "Enabled");
        return id;
    }

    void disable(String id) {
        states.put(id, "Disabled");
    }

    void enable(String id) {
        states.put(id, "Enabled");
    }

    static String arn(String id) {
        return ARN_PREFIX + id;
    }

    private String id(String identifier) {
        if (identifier.startsWith("alias/")) {
            if (identifier.equals("alias/aws/dynamodb")) return aliases.computeIfAbsent(identifier, a -> createKey());
            String target = aliases.get(identifier);
            if (target == null) throw new KeyManagerException("NotFoundException", "Alias " + identifier + " is not found.");
            return target;
        }
        String id = identifier.startsWith(ARN_PREFIX) ? identifier.substring(ARN_PREFIX.length()) : identifier;
        if (!material.containsKey(id)) throw new KeyManagerException("NotFoundException", "Key '" + arn(id) + "' does not exist");
        return id;
    }

    private String usable(String identifier) {
        String id = id(identifier);
        if (!"Enabled".equals(states.get(id))) throw new KeyManagerException("DisabledException", arn(id) + " is disabled.");
        return id;
    }

    @Override
    public KeyReference resolve(String keyIdOrAliasOrArn) {
        String id = id(keyIdOrAliasOrArn);
        return new KeyReference(id, arn(id), states.get(id));
    }

    @Override
    public DataKey generateDataKey(String keyIdOrAliasOrArn, Map<String, String> encryptionContext) {
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        return encryptDataKey(keyIdOrAliasOrArn, plaintext, encryptionContext);
    }

    @Override
    public DataKey encryptDataKey(String keyIdOrAliasOrArn, byte[] plaintext, Map<String, String> encryptionContext) {
        String id = usable(keyIdOrAliasOrArn);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, id, nonce, encryptionContext, plaintext);
        byte[] blob = ByteBuffer.allocate(1 + idBytes.length + 12 + sealed.length).put((byte) idBytes.length).put(idBytes).put(nonce).put(sealed).array();
        return new DataKey(arn(id), plaintext.clone(), blob);
    }

    @Override
    public byte[] decryptDataKey(byte[] ciphertextBlob, Map<String, String> encryptionContext) {
        ByteBuffer in = ByteBuffer.wrap(ciphertextBlob);
        byte[] idBytes = new byte[in.get()];
        in.get(idBytes);
        byte[] nonce = new byte[12];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        String id = usable(new String(idBytes, StandardCharsets.US_ASCII));
        return crypt(Cipher.DECRYPT_MODE, id, nonce, encryptionContext, sealed);
    }

    private byte[] crypt(int mode, String id, byte[] nonce, Map<String, String> context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(material.get(id), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new KeyManagerException("InvalidCiphertextException", "The ciphertext does not open");
        }
    }
}
