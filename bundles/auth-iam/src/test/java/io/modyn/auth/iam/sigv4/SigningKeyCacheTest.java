package io.modyn.auth.iam.sigv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.auth.iam.credentials.Credential;
import io.modyn.auth.iam.credentials.RootCredentials;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {

    private final Credential key = new RootCredentials("000000000000", "AKIAKEY", "secret").root();

    @Test
    void derivesOncePerKeyDateRegionAndService() {
        SigningKeyCache cache = new SigningKeyCache(16);
        byte[] first = cache.signingKey(key, "20260101", "us-east-1", "dynamodb");
        assertSame(first, cache.signingKey(key, "20260101", "us-east-1", "dynamodb"));
        assertArrayEquals(key.signingKey("20260101", "us-east-1", "dynamodb"), first);
        assertFalse(Arrays.equals(first, cache.signingKey(key, "20260102", "us-east-1", "dynamodb")));
        assertEquals(2, cache.size());
    }

    @Test
    void neverHoldsMoreThanItsBound() {
        SigningKeyCache cache = new SigningKeyCache(8);
        for (int day = 1; day <= 100; day++) {
            cache.signingKey(key, String.format("202601%02d", day % 31 + 1), "region-" + day, "dynamodb");
            assertTrue(cache.size() <= 8, "size " + cache.size());
        }
    }

    @Test
    void aNewSecretForTheSameKeyIdIsNeverServedTheOldSigningKey() {
        SigningKeyCache cache = new SigningKeyCache(16);
        byte[] old = cache.signingKey(key, "20260101", "us-east-1", "dynamodb");
        Credential replaced = new RootCredentials("000000000000", "AKIAKEY", "new secret").root();
        byte[] fresh = cache.signingKey(replaced, "20260101", "us-east-1", "dynamodb");
        assertFalse(Arrays.equals(old, fresh));
        assertArrayEquals(replaced.signingKey("20260101", "us-east-1", "dynamodb"), fresh);
    }
}
