package io.modyn.kms.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.crypto.DataKey;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.storage.KeyRange;
import io.modyn.api.storage.RecordCursor;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class KeyServiceTest {

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = "123456789012";

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final TestRootKey root = new TestRootKey();
    private final MutableClock clock = new MutableClock();
    private final KeyService keys = open(root);
    private final byte[] secret = "the plaintext".getBytes(StandardCharsets.UTF_8);
    private final Map<String, String> context = Map.of("table", "orders");

    private KeyService open(TestRootKey rootKey) {
        KeyStore store = new KeyStore(storage, rootKey);
        store.open();
        return new KeyService(store, REGION, ACCOUNT, clock);
    }

    @Test
    void encryptedBytesDecryptWithTheirContextAndNameTheKey() {
        KmsKey key = keys.create("orders", Map.of());
        KeyService.Sealed sealed = keys.encrypt(key.id(), secret, context);

        KeyService.Opened opened = keys.decrypt(sealed.ciphertextBlob(), context, null);

        assertArrayEquals(secret, opened.plaintext());
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/" + key.id(), opened.keyArn());
        assertEquals(opened.keyArn(), sealed.keyArn());
    }

    @Test
    void wrongContextTamperedBytesAndGarbageAreInvalidCiphertext() {
        KmsKey key = keys.create("", Map.of());
        byte[] blob = keys.encrypt(key.id(), secret, context).ciphertextBlob();
        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;

        assertError("InvalidCiphertextException", () -> keys.decrypt(blob, Map.of("table", "other"), null));
        assertError("InvalidCiphertextException", () -> keys.decrypt(blob, Map.of(), null));
        assertError("InvalidCiphertextException", () -> keys.decrypt(tampered, context, null));
        assertError("InvalidCiphertextException", () -> keys.decrypt(new byte[] {1, 2, 3}, context, null));
    }

    @Test
    void aBlobNamingAnotherKeyDoesNotOpenUnderIt() {
        KmsKey first = keys.create("", Map.of());
        KmsKey second = keys.create("", Map.of());
        byte[] blob = keys.encrypt(first.id(), secret, context).ciphertextBlob();
        // The same body under the other key's header: the header is authenticated, so it fails.
        byte[] moved = blob.clone();
        System.arraycopy(keys.encrypt(second.id(), secret, context).ciphertextBlob(), 0, moved, 0, CiphertextBlob.HEADER_BYTES);

        assertError("IncorrectKeyException", () -> keys.decrypt(blob, context, second.id()));
        assertError("InvalidCiphertextException", () -> keys.decrypt(moved, context, null));
        assertArrayEquals(secret, keys.decrypt(blob, context, first.id()).plaintext());
    }

    @Test
    void rotationKeepsOldCiphertextsReadableAndEncryptsWithTheNewestVersion() {
        KmsKey key = keys.create("", Map.of());
        byte[] before = keys.encrypt(key.id(), secret, context).ciphertextBlob();

        KmsKey rotated = keys.rotateOnDemand(key.id());
        byte[] after = keys.encrypt(key.id(), secret, context).ciphertextBlob();

        assertEquals(2, rotated.currentVersion());
        assertEquals(1, CiphertextBlob.header(before).keyVersion());
        assertEquals(2, CiphertextBlob.header(after).keyVersion());
        assertArrayEquals(secret, keys.decrypt(before, context, null).plaintext());
        assertArrayEquals(secret, keys.decrypt(after, context, null).plaintext());
        assertEquals(List.of(new Rotation(2, clock.millis(), "ON_DEMAND")), keys.find(key.id()).rotations());
    }

    @Test
    void anAutomaticRotationThatIsDueHappensBeforeTheNextEncryption() {
        KmsKey key = keys.create("", Map.of());
        keys.enableRotation(key.id(), 90);
        byte[] before = keys.encrypt(key.id(), secret, context).ciphertextBlob();

        clock.advance(Duration.ofDays(91));
        byte[] after = keys.encrypt(key.id(), secret, context).ciphertextBlob();

        assertEquals(2, CiphertextBlob.header(after).keyVersion());
        assertEquals("AUTOMATIC", keys.find(key.id()).rotations().get(0).type());
        assertArrayEquals(secret, keys.decrypt(before, context, null).plaintext());
    }

    @Test
    void rotationPeriodMustBeWithinAwsLimits() {
        KmsKey key = keys.create("", Map.of());

        assertError("ValidationException", () -> keys.enableRotation(key.id(), 89));
        assertError("ValidationException", () -> keys.enableRotation(key.id(), 2561));
        assertEquals(2560, keys.enableRotation(key.id(), 2560).rotationPeriodInDays());
    }

    @Test
    void aDisabledKeyRefusesCryptographyUntilEnabled() {
        KmsKey key = keys.create("", Map.of());
        byte[] blob = keys.encrypt(key.id(), secret, context).ciphertextBlob();
        keys.disable(key.id());
        String arn = keys.arn(key.id());

        KeyManagerException refused = assertError("DisabledException", () -> keys.encrypt(key.id(), secret, context));
        assertEquals(arn + " is disabled.", refused.getMessage());
        assertError("DisabledException", () -> keys.decrypt(blob, context, null));

        keys.enable(key.id());
        assertArrayEquals(secret, keys.decrypt(blob, context, null).plaintext());
    }

    @Test
    void scheduledDeletionRefusesUseCancelLeavesItDisabledAndTheDateDeletesIt() {
        KmsKey key = keys.create("", Map.of());
        String arn = keys.arn(key.id());

        assertError("ValidationException", () -> keys.scheduleDeletion(key.id(), 6));
        assertError("ValidationException", () -> keys.scheduleDeletion(key.id(), 31));
        KmsKey pending = keys.scheduleDeletion(key.id(), 7);
        assertEquals(KeyState.PendingDeletion, pending.state());
        assertEquals(clock.millis() + Duration.ofDays(7).toMillis(), pending.deletionEpochMillis());
        KeyManagerException refused = assertError("KMSInvalidStateException", () -> keys.encrypt(key.id(), secret, context));
        assertEquals(arn + " is pending deletion.", refused.getMessage());

        assertEquals(KeyState.Disabled, keys.cancelDeletion(key.id()).state());
        assertError("KMSInvalidStateException", () -> keys.cancelDeletion(key.id()));

        keys.scheduleDeletion(key.id(), 7);
        clock.advance(Duration.ofDays(8));
        KeyManagerException gone = assertError("NotFoundException", () -> keys.find(key.id()));
        assertEquals("Key '" + arn + "' does not exist", gone.getMessage());
        assertFalse(keys.list().stream().anyMatch(k -> k.id().equals(key.id())));
    }

    @Test
    void aliasesNameKeysAndFollowAwsRules() {
        KmsKey first = keys.create("", Map.of());
        KmsKey second = keys.create("", Map.of());

        keys.createAlias("alias/orders", first.id());
        assertEquals(first.id(), keys.find("alias/orders").id());
        assertEquals(first.id(), keys.find("arn:aws:kms:eu-west-1:123456789012:alias/orders").id());
        assertEquals(first.id(), keys.find(keys.arn(first.id())).id());

        KeyManagerException exists = assertError("AlreadyExistsException", () -> keys.createAlias("alias/orders", second.id()));
        assertEquals("An alias with the name arn:aws:kms:eu-west-1:123456789012:alias/orders already exists", exists.getMessage());
        assertError("NotAuthorizedException", () -> keys.createAlias("alias/aws/dynamodb", first.id()));
        assertError("InvalidAliasNameException", () -> keys.createAlias("orders", first.id()));
        assertError("ValidationException", () -> keys.createAlias("alias/with space", first.id()));
        assertError("ValidationException", () -> keys.createAlias("alias/other", "alias/orders"));

        keys.updateAlias("alias/orders", second.id());
        assertEquals(second.id(), keys.find("alias/orders").id());
        assertEquals(Map.of("alias/orders", second.id()), keys.aliases(second.id()));

        keys.deleteAlias("alias/orders");
        KeyManagerException missing = assertError("NotFoundException", () -> keys.find("alias/orders"));
        assertEquals("Alias arn:aws:kms:eu-west-1:123456789012:alias/orders is not found.", missing.getMessage());
        assertError("NotFoundException", () -> keys.deleteAlias("alias/orders"));
        assertError("NotFoundException", () -> keys.updateAlias("alias/orders", first.id()));
    }

    @Test
    void unknownAndMalformedKeyIdsAreNotFound() {
        String unknown = "11111111-2222-3333-4444-555555555555";

        assertEquals("Key 'arn:aws:kms:eu-west-1:123456789012:key/" + unknown + "' does not exist",
                assertError("NotFoundException", () -> keys.find(unknown)).getMessage());
        assertError("NotFoundException", () -> keys.find("not-a-key"));
        assertError("NotFoundException", () -> keys.find("arn:aws:kms:us-east-1:123456789012:key/" + unknown));
    }

    @Test
    void dataKeysOpenOnlyWithTheirContextAndNeverReachStorageInClear() {
        KmsKey key = keys.create("", Map.of());
        DataKey dataKey = keys.generateDataKey(key.id(), context);
        keys.rotateOnDemand(key.id());

        assertEquals(32, dataKey.plaintext().length);
        assertArrayEquals(dataKey.plaintext(), keys.decryptDataKey(dataKey.ciphertextBlob(), context));
        assertError("InvalidCiphertextException", () -> keys.decryptDataKey(dataKey.ciphertextBlob(), Map.of("table", "x")));

        List<byte[]> secrets = new ArrayList<>();
        secrets.add(dataKey.plaintext());
        KeyStore store = new KeyStore(storage, root);
        secrets.add(store.material(key.id(), 1).orElseThrow());
        secrets.add(store.material(key.id(), 2).orElseThrow());
        List<byte[]> stored = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(KeyStore.KEYSPACE, 0, 1, null)) {
            cursor.forEachRemaining(record -> stored.add(record.value()));
        }
        assertTrue(stored.size() >= 4, "check value, key, two versions");
        for (byte[] value : stored) {
            for (byte[] s : secrets) {
                assertFalse(contains(value, s), "a secret in clear in storage");
            }
        }
    }

    @Test
    void keysAreSharedThroughStorageWithAnotherServiceOnTheSameRootKey() {
        KmsKey key = keys.create("shared", Map.of("team", "a"));
        byte[] blob = keys.encrypt(key.id(), secret, context).ciphertextBlob();

        KeyService otherNode = open(root);

        assertArrayEquals(secret, otherNode.decrypt(blob, context, null).plaintext());
        assertEquals(Map.of("team", "a"), otherNode.find(key.id()).tags());
    }

    @Test
    void aDifferentRootKeyIsRefusedAndNothingIsOverwritten() {
        keys.create("", Map.of());
        List<byte[]> before = records();

        RootKeyMismatchException refused = assertThrows(RootKeyMismatchException.class, () -> open(new TestRootKey()));

        assertTrue(refused.getMessage().contains("is not the key that wrapped the KMS keys"), refused.getMessage());
        List<byte[]> after = records();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void tagsAreAddedReplacedAndRemoved() {
        KmsKey key = keys.create("", Map.of("a", "1"));

        keys.tag(key.id(), Map.of("a", "2", "b", "3"));
        keys.untag(key.id(), List.of("b", "absent"));

        assertEquals(Map.of("a", "2"), keys.find(key.id()).tags());
    }

    private List<byte[]> records() {
        List<byte[]> values = new ArrayList<>();
        try (RecordCursor cursor = storage.scan(KeyStore.KEYSPACE, 0, 1, null)) {
            cursor.forEachRemaining(record -> values.add(record.value()));
        }
        return values;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static KeyManagerException assertError(String type, Executable call) {
        KeyManagerException e = assertThrows(KeyManagerException.class, call);
        assertEquals(type, e.errorType(), e.getMessage());
        return e;
    }

}
