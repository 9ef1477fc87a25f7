package io.modyn.kms.api;

import static io.modyn.kms.api.ApiCaller.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.kms.api.ApiCaller.Answer;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyStore;
import io.modyn.kms.keys.TestRootKey;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;

/** Key policies through the JSON API, in open mode (the caller is the account root). */
class KeyPoliciesApiTest {

    private static final String ACCOUNT = "000000000000";
    private static final String USER_ONLY_DECRYPT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/alice\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
    private static final String ROOT_ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"admins\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"000000000000\"},\"Action\":[\"kms:Put*\",\"kms:Describe*\"],\"Resource\":\"*\"}]}";

    private final ApiCaller api;

    KeyPoliciesApiTest() {
        KeyStore store = new KeyStore(new InMemoryStorageEngine(), new TestRootKey());
        store.open();
        api = new ApiCaller(new KmsApi(new KeyService(store, "us-east-1", ACCOUNT, Clock.systemUTC())));
    }

    @Test
    void aKeyCreatedWithoutAPolicyHasKmsDefaultPolicyGrantingTheAccountRoot() {
        String keyId = newKey("{}");

        Answer got = api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}");

        assertEquals(200, got.status(), got.body().toString());
        assertEquals("default", got.body().getString("PolicyName"));
        JsonObject policy = parse(got.body().getString("Policy"));
        assertEquals("2012-10-17", policy.getString("Version"));
        assertEquals("key-default-1", policy.getString("Id"));
        JsonObject statement = policy.getJsonArray("Statement").getJsonObject(0);
        assertEquals("Enable IAM User Permissions", statement.getString("Sid"));
        assertEquals("Allow", statement.getString("Effect"));
        assertEquals("arn:aws:iam::000000000000:root", statement.getJsonObject("Principal").getString("AWS"));
        assertEquals("kms:*", statement.getString("Action"));
        assertEquals("*", statement.getString("Resource"));
        assertEquals(1, policy.getJsonArray("Statement").size());
    }

    @Test
    void aPolicyGivenAtCreationOrPutLaterIsWhatGetKeyPolicyReturns() {
        String keyId = newKey("{\"Policy\":" + quote(ROOT_ADMIN) + "}");
        assertEquals(ROOT_ADMIN, api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"PolicyName\":\"default\"}").body().getString("Policy"));

        String replaced = ROOT_ADMIN.replace("admins", "admins2");
        Answer put = api.call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(replaced) + "}");
        assertEquals(200, put.status(), put.body().toString());
        assertEquals(replaced, api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}").body().getString("Policy"));

        Answer names = api.call("ListKeyPolicies", "{\"KeyId\":\"" + keyId + "\"}");
        assertEquals(List.of("default"), names.body().getJsonArray("PolicyNames").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(names.body().getBoolean("Truncated"));
    }

    @Test
    void aPolicyThatIsNoKeyPolicyIsMalformed() {
        String keyId = newKey("{}");
        assertMalformed(keyId, "{\"Statement\":[", "The policy document is not valid JSON.");
        assertMalformed(keyId, "{\"Version\":\"2012-10-17\"}", "Policy is missing required element - Statement");
        assertMalformed(keyId, "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}",
                "Policy contains a statement with no principal.");
        assertMalformed(keyId, "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"bob\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}",
                "Policy contains a statement with one or more invalid principals.");
        assertMalformed(keyId, "{\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"kms:*\"}]}",
                "Policy contains a statement with an invalid or missing Effect.");
        Answer created = api.call("CreateKey", "{\"Policy\":\"[]\"}");
        assertEquals("MalformedPolicyDocumentException", created.type());
    }

    @Test
    void aPolicyLockingTheCallerOutIsRefusedUnlessTheSafetyCheckIsBypassed() {
        String keyId = newKey("{}");

        Answer refused = api.call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(USER_ONLY_DECRYPT) + "}");
        assertEquals(400, refused.status());
        assertEquals("MalformedPolicyDocumentException", refused.type());
        assertEquals("The new key policy will not allow you to update the key policy in the future.", refused.message());
        assertTrue(api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}").body().getString("Policy").contains("Enable IAM User Permissions"),
                "the old policy stays");
        assertEquals("MalformedPolicyDocumentException", api.call("CreateKey", "{\"Policy\":" + quote(USER_ONLY_DECRYPT) + "}").type());

        Answer bypassed = api.call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(USER_ONLY_DECRYPT)
                + ",\"BypassPolicyLockoutSafetyCheck\":true}");
        assertEquals(200, bypassed.status(), bypassed.body().toString());
        assertEquals(USER_ONLY_DECRYPT, api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}").body().getString("Policy"));
    }

    @Test
    void policyNamesOtherThanDefaultAndUnknownKeysAreRefused() {
        String keyId = newKey("{}");
        Answer other = api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"PolicyName\":\"other\"}");
        assertEquals("NotFoundException", other.type());
        Answer badName = api.call("GetKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"PolicyName\":\"a-b\"}");
        assertEquals("ValidationException", badName.type());
        Answer unknown = api.call("GetKeyPolicy", "{\"KeyId\":\"11111111-2222-3333-4444-555555555555\"}");
        assertEquals("NotFoundException", unknown.type());
        assertEquals("Key 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-3333-4444-555555555555' does not exist", unknown.message());
        Answer noPolicy = api.call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\"}");
        assertEquals("1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null", noPolicy.message());
    }

    @Test
    void theAwsManagedDynamoDbKeyIsDescribedAsAwsAndCannotBeDisabledDeletedOrUsedDirectly() {
        Answer described = api.call("DescribeKey", "{\"KeyId\":\"alias/aws/dynamodb\"}");
        assertEquals(200, described.status(), described.body().toString());
        JsonObject metadata = described.body().getJsonObject("KeyMetadata");
        assertEquals("AWS", metadata.getString("KeyManager"));
        assertEquals("Enabled", metadata.getString("KeyState"));
        String arn = metadata.getString("Arn");

        for (String action : List.of("DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "Encrypt")) {
            String body = switch (action) {
                case "PutKeyPolicy" -> "{\"KeyId\":\"" + arn + "\",\"Policy\":" + quote(ROOT_ADMIN) + "}";
                case "Encrypt" -> "{\"KeyId\":\"alias/aws/dynamodb\",\"Plaintext\":\"AA==\"}";
                default -> "{\"KeyId\":\"" + arn + "\"}";
            };
            Answer refused = api.call(action, body);
            assertEquals("AccessDeniedException", refused.type(), action);
            assertEquals("User: arn:aws:iam::000000000000:root is not authorized to perform: kms:" + action + " on resource: " + arn
                    + " because no resource-based policy allows the kms:" + action + " action", refused.message());
        }
        assertEquals("Enabled", api.call("DescribeKey", "{\"KeyId\":\"" + arn + "\"}").body().getJsonObject("KeyMetadata").getString("KeyState"));
        assertTrue(api.call("GetKeyPolicy", "{\"KeyId\":\"" + arn + "\"}").body().getString("Policy").contains("auto-dynamodb-1"));
    }

    private String newKey(String body) {
        Answer created = api.call("CreateKey", body);
        assertEquals(200, created.status(), created.body().toString());
        return created.body().getJsonObject("KeyMetadata").getString("KeyId");
    }

    private void assertMalformed(String keyId, String policy, String message) {
        Answer answer = api.call("PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(policy) + "}");
        assertEquals(400, answer.status());
        assertEquals("MalformedPolicyDocumentException", answer.type(), answer.body().toString());
        assertEquals(message, answer.message());
    }

    private static JsonObject parse(String json) {
        return new JsonProviderImpl().createReader(new StringReader(json)).readObject();
    }
}
