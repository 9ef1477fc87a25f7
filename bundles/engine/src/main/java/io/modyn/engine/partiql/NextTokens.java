package io.modyn.engine.partiql;

import io.modyn.api.model.AttributeValue;
import io.modyn.engine.item.ItemCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * ExecuteStatement's NextToken: the page's LastEvaluatedKey in the engine's item encoding, after
 * eight bytes of a digest of the statement, so that a token is refused with DynamoDB's message
 * when it is sent with another statement.
 */
final class NextTokens {

    private static final int DIGEST_BYTES = 8;

    private NextTokens() {
    }

    static String encode(String statement, Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null) return null;
        byte[] key = ItemCodec.encode(lastEvaluatedKey);
        ByteBuffer token = ByteBuffer.allocate(DIGEST_BYTES + key.length).put(digest(statement)).put(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The ExclusiveStartKey a token stands for, or null for no token. */
    static Map<String, AttributeValue> decode(String statement, String token) {
        if (token == null) return null;
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw PartiqlErrors.invalidNextToken();
        }
        if (bytes.length <= DIGEST_BYTES) throw PartiqlErrors.invalidNextToken();
        if (!Arrays.equals(Arrays.copyOf(bytes, DIGEST_BYTES), digest(statement))) throw PartiqlErrors.nextTokenMismatch();
        try {
            return ItemCodec.decode(Arrays.copyOfRange(bytes, DIGEST_BYTES, bytes.length));
        } catch (RuntimeException e) {
            throw PartiqlErrors.invalidNextToken();
        }
    }

    private static byte[] digest(String statement) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(statement.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(full, DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
