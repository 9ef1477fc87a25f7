package io.modyn.kms.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.crypto.DataKey;
import io.modyn.api.crypto.KeyReference;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code alias/aws/dynamodb}: AWS's managed key for DynamoDB, created on its first use. */
class AwsManagedKeyTest {

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final TestRootKey root = new TestRootKey();
    private final MutableClock clock = new MutableClock();

    private KeyService node() {
        KeyStore store = new KeyStore(storage, root);
        store.open();
        return new KeyService(store, "eu-west-1", "123456789012", clock);
    }

    @Test
    void resolvingTheAliasCreatesTheManagedKeyOnceAndItIssuesDataKeys() {
        KeyService keys = node();
        assertTrue(keys.aliases(null).isEmpty());

        KeyReference first = keys.resolve("alias/aws/dynamodb");
        KeyReference again = keys.resolve("arn:aws:kms:eu-west-1:123456789012:alias/aws/dynamodb");

        assertEquals(first, again);
        assertEquals("Enabled", first.state());
        assertEquals(Map.of("alias/aws/dynamodb", first.keyId()), keys.aliases(null));
        KmsKey key = keys.find(first.keyId());
        assertTrue(key.awsManaged());
        assertTrue(key.rotationEnabled(), "AWS rotates its managed keys every year");
        assertEquals(365, key.rotationPeriodInDays());
        assertTrue(keys.policy(key).contains("\"kms:ViaService\" : \"dynamodb.*.amazonaws.com\""), keys.policy(key));

        DataKey dataKey = keys.generateDataKey("alias/aws/dynamodb", Map.of("table", "T"));
        assertEquals(first.arn(), dataKey.keyArn());
        assertArrayEquals(dataKey.plaintext(), keys.decryptDataKey(dataKey.ciphertextBlob(), Map.of("table", "T")));
    }

    @Test
    void otherAwsAliasesAreNotInvented() {
        KeyService keys = node();
        io.modyn.api.crypto.KeyManagerException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.modyn.api.crypto.KeyManagerException.class, () -> keys.resolve("alias/aws/s3"));
        assertEquals("NotFoundException", e.errorType());
        assertEquals("Alias arn:aws:kms:eu-west-1:123456789012:alias/aws/s3 is not found.", e.getMessage());
    }

    @Test
    void nodesRacingToCreateItAgreeOnOneKey() throws Exception {
        List<KeyService> nodes = List.of(node(), node(), node(), node());
        CyclicBarrier start = new CyclicBarrier(nodes.size());
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<String>> ids = new java.util.ArrayList<>();
            for (KeyService node : nodes) {
                ids.add(threads.submit(() -> {
                    start.await();
                    return node.resolve("alias/aws/dynamodb").keyId();
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(1, distinct.size(), distinct.toString());
            assertEquals(1, nodes.get(0).list().size(), "no orphan key from a losing node");
        } finally {
            threads.shutdownNow();
        }
    }
}
