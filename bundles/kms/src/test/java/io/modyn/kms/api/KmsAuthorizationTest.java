package io.modyn.kms.api;

import static io.modyn.kms.api.ApiCaller.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.auth.ResourceTags;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.kms.api.ApiCaller.Answer;
import io.modyn.kms.keys.KeyPolicies;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyStore;
import io.modyn.kms.keys.TestRootKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every KMS request goes through a bound {@link Authorizer} with KMS's action, the key's ARN and
 * KMS's condition keys, the key's tags and its key policy as a required resource policy; a denial
 * is KMS's AccessDeniedException and nothing happens.
 */
class KmsAuthorizationTest {

    private static final Principal ALICE = new Principal("111122223333", "arn:aws:iam::111122223333:user/alice", "AKIAALICE",
            "AIDAALICE");

    /** Records what it is asked, reads the policies and tags it is given, and denies what {@code denies} matches. */
    private static final class RecordingAuthorizer implements Authorizer {
        final List<RequestContext> contexts = new ArrayList<>();
        final List<List<AuthorizationRequest>> calls = new ArrayList<>();
        final List<Optional<ResourcePolicy>> policies = new ArrayList<>();
        final List<Map<String, String>> tags = new ArrayList<>();
        volatile Predicate<Asked> denies = asked -> false;

        record Asked(AuthorizationRequest request, Optional<ResourcePolicy> policy) {
        }

        @Override
        public void authorize(RequestContext context, List<AuthorizationRequest> requests, ResourceTags resourceTags,
                              ResourcePolicies resourcePolicies) {
            contexts.add(context);
            calls.add(requests);
            for (AuthorizationRequest request : requests) {
                Optional<ResourcePolicy> policy = resourcePolicies.of(request.resource());
                policies.add(policy);
                tags.add(resourceTags.of(request.resource()));
                if (denies.test(new Asked(request, policy))) {
                    throw new DynamoException(ErrorType.ACCESS_DENIED, "User: " + context.principal().arn() + " is not authorized to perform: "
                            + request.action() + " on resource: " + request.resource() + " because no identity-based policy allows the "
                            + request.action() + " action");
                }
            }
        }
    }

    private final RecordingAuthorizer authorizer = new RecordingAuthorizer();
    private final AtomicReference<Authorizer> bound = new AtomicReference<>(authorizer);
    private final KeyService keys;
    private final ApiCaller api;

    KmsAuthorizationTest() {
        KeyStore store = new KeyStore(new InMemoryStorageEngine(), new TestRootKey());
        store.open();
        keys = new KeyService(store, "us-east-1", "111122223333", Clock.systemUTC());
        api = new ApiCaller(new KmsApi(keys, bound::get));
    }

    @Test
    void encryptAndDecryptAreAskedWithTheKeyTheContextTheAliasTheTagsAndTheKeyPolicyAsRequired() {
        String keyId = created("{\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"a\"}]}");
        String arn = keys.arn(keyId);
        api.call(ALICE, "CreateAlias", "{\"AliasName\":\"alias/orders\",\"TargetKeyId\":\"" + keyId + "\"}");
        authorizer.calls.clear();
        authorizer.policies.clear();
        authorizer.tags.clear();

        Answer encrypted = api.call(ALICE, "Encrypt", "{\"KeyId\":\"alias/orders\",\"Plaintext\":\"AQID\",\"EncryptionContext\":{\"table\":\"orders\"}}");
        assertEquals(200, encrypted.status(), encrypted.body().toString());
        AuthorizationRequest encrypt = authorizer.calls.get(0).get(0);
        assertEquals("kms:Encrypt", encrypt.action());
        assertEquals(arn, encrypt.resource());
        assertEquals(List.of("alias/orders"), encrypt.values("kms:RequestAlias"));
        assertEquals(List.of("orders"), encrypt.values("kms:EncryptionContext:table"));
        assertEquals(List.of("table"), encrypt.values("kms:EncryptionContextKeys"));
        assertEquals(List.of("111122223333"), encrypt.values("kms:CallerAccount"));
        assertEquals(Optional.of(new ResourcePolicy(KeyPolicies.defaultPolicy("111122223333"), true)), authorizer.policies.get(0));
        assertEquals(Map.of("team", "a"), authorizer.tags.get(0));

        RequestContext context = authorizer.contexts.get(authorizer.contexts.size() - 1);
        assertEquals(ALICE, context.principal());
        assertEquals("127.0.0.1", context.sourceIp());
        assertEquals("unit-test", context.userAgent());
        assertEquals("req-7", context.requestId());

        api.call(ALICE, "Decrypt", "{\"CiphertextBlob\":\"" + encrypted.body().getString("CiphertextBlob")
                + "\",\"EncryptionContext\":{\"table\":\"orders\"}}");
        AuthorizationRequest decrypt = authorizer.calls.get(1).get(0);
        assertEquals("kms:Decrypt", decrypt.action());
        assertEquals(arn, decrypt.resource(), "the key named inside the ciphertext");
        assertTrue(decrypt.values("kms:RequestAlias").isEmpty());
        assertEquals(List.of("orders"), decrypt.values("kms:EncryptionContext:table"));
    }

    @Test
    void aDenialIsKmsAccessDeniedWithTheAuthorizersMessageAndChangesNothing() {
        String keyId = created("{}");
        String arn = keys.arn(keyId);
        authorizer.denies = asked -> asked.request().action().equals("kms:ScheduleKeyDeletion");

        Answer denied = api.call(ALICE, "ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":7}");

        assertEquals(400, denied.status());
        assertEquals("AccessDeniedException", denied.type());
        assertEquals("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:ScheduleKeyDeletion on resource: "
                + arn + " because no identity-based policy allows the kms:ScheduleKeyDeletion action", denied.message());
        assertEquals("Enabled", keys.find(keyId).state().name());
    }

    @Test
    void reEncryptIsAskedFromTheSourceKeyAndToTheDestinationKey() {
        String source = created("{}");
        String destination = created("{}");
        String blob = api.call(ALICE, "Encrypt", "{\"KeyId\":\"" + source + "\",\"Plaintext\":\"AQID\"}").body().getString("CiphertextBlob");
        authorizer.calls.clear();

        Answer moved = api.call(ALICE, "ReEncrypt", "{\"CiphertextBlob\":\"" + blob + "\",\"DestinationKeyId\":\"" + destination
                + "\",\"DestinationEncryptionContext\":{\"k\":\"v\"}}");

        assertEquals(200, moved.status(), moved.body().toString());
        List<AuthorizationRequest> asked = authorizer.calls.get(0);
        assertEquals(List.of("kms:ReEncryptFrom", "kms:ReEncryptTo"), asked.stream().map(AuthorizationRequest::action).toList());
        assertEquals(List.of(keys.arn(source), keys.arn(destination)), asked.stream().map(AuthorizationRequest::resource).toList());
        assertEquals(List.of("v"), asked.get(1).values("kms:EncryptionContext:k"));
        assertTrue(asked.get(0).values("kms:EncryptionContext:k").isEmpty());
    }

    @Test
    void actionsOnNoKeyAreAskedOnStarAndAnUnknownKeyIsNotFoundBeforeAnyQuestion() {
        api.call(ALICE, "ListKeys", "{}");
        assertEquals("*", authorizer.calls.get(0).get(0).resource());
        assertEquals("kms:ListKeys", authorizer.calls.get(0).get(0).action());
        assertEquals(Optional.empty(), authorizer.policies.get(0));

        Answer created = api.call(ALICE, "CreateKey", "{\"Tags\":[{\"TagKey\":\"env\",\"TagValue\":\"prod\"}]}");
        AuthorizationRequest createKey = authorizer.calls.get(1).get(0);
        assertEquals("kms:CreateKey", createKey.action());
        assertEquals(List.of("env"), createKey.values("aws:TagKeys"));
        assertEquals(List.of("prod"), createKey.values("aws:RequestTag/env"));
        assertEquals(200, created.status());

        int asked = authorizer.calls.size();
        Answer unknown = api.call(ALICE, "DescribeKey", "{\"KeyId\":\"11111111-2222-3333-4444-555555555555\"}");
        assertEquals("NotFoundException", unknown.type());
        assertEquals(asked, authorizer.calls.size());
    }

    @Test
    void theLockoutCheckAsksTheAuthorizerWithTheNewPolicy() {
        String keyId = created("{}");
        // Allowed where the policy in force names the caller or the account root.
        authorizer.denies = asked -> asked.request().action().equals("kms:PutKeyPolicy")
                && asked.policy().map(p -> !p.document().contains(ALICE.arn()) && !p.document().contains(":root")).orElse(true);
        String withoutAlice = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/bob\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        String withAlice = withoutAlice.replace("user/bob", "user/alice");

        Answer refused = api.call(ALICE, "PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(withoutAlice) + "}");
        assertEquals("MalformedPolicyDocumentException", refused.type(), refused.body().toString());
        assertEquals("The new key policy will not allow you to update the key policy in the future.", refused.message());

        Answer accepted = api.call(ALICE, "PutKeyPolicy", "{\"KeyId\":\"" + keyId + "\",\"Policy\":" + quote(withAlice) + "}");
        assertEquals(200, accepted.status(), accepted.body().toString());
        assertEquals(withAlice, keys.policy(keys.find(keyId)));
    }

    @Test
    void withTheAuthorizerGoneTheApiIsOpenAgain() {
        String keyId = created("{}");
        authorizer.denies = asked -> true;
        assertEquals("AccessDeniedException", api.call(ALICE, "DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").type());

        bound.set(null);
        assertEquals(200, api.call(ALICE, "DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").status());
    }

    @Test
    void keyManagerCallsOnBehalfOfADynamoDbCallerAreAskedViaDynamoDb() {
        RequestContext caller = new RequestContext("ddb-1", ALICE, "10.0.0.9", true, "aws-sdk-java");

        io.modyn.api.crypto.DataKey dataKey = keys.generateDataKey("alias/aws/dynamodb", Map.of("aws:dynamodb:tableName", "T"), caller);

        AuthorizationRequest generate = authorizer.calls.get(0).get(0);
        assertEquals("kms:GenerateDataKey", generate.action());
        assertEquals(dataKey.keyArn(), generate.resource());
        assertEquals(List.of("dynamodb.us-east-1.amazonaws.com"), generate.values("kms:ViaService"));
        assertEquals(List.of("alias/aws/dynamodb"), generate.values("kms:RequestAlias"));
        assertEquals(List.of("T"), generate.values("kms:EncryptionContext:aws:dynamodb:tableName"));
        assertTrue(authorizer.policies.get(0).orElseThrow().document().contains("dynamodb.*.amazonaws.com"));
        assertTrue(authorizer.policies.get(0).orElseThrow().required());
        assertEquals(caller, authorizer.contexts.get(0));

        authorizer.denies = asked -> asked.request().action().equals("kms:Decrypt");
        io.modyn.api.crypto.KeyManagerException denied = org.junit.jupiter.api.Assertions.assertThrows(
                io.modyn.api.crypto.KeyManagerException.class,
                () -> keys.decryptDataKey(dataKey.ciphertextBlob(), Map.of("aws:dynamodb:tableName", "T"), caller));
        assertEquals("AccessDeniedException", denied.errorType());
        assertTrue(denied.getMessage().contains("kms:Decrypt on resource: " + dataKey.keyArn()), denied.getMessage());

        int asked = authorizer.calls.size();
        keys.decryptDataKey(dataKey.ciphertextBlob(), Map.of("aws:dynamodb:tableName", "T"), new RequestContext("ddb-2", null));
        keys.decryptDataKey(dataKey.ciphertextBlob(), Map.of("aws:dynamodb:tableName", "T"));
        assertEquals(asked, authorizer.calls.size(), "the server itself and open mode are not asked");
    }

    private String created(String body) {
        Answer created = api.call(ALICE, "CreateKey", body);
        assertEquals(200, created.status(), created.body().toString());
        return created.body().getJsonObject("KeyMetadata").getString("KeyId");
    }
}
