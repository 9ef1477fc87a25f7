package io.modyn.kms.api;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ConditionKeys;
import io.modyn.api.auth.Principal;
import io.modyn.api.auth.ResourcePolicy;
import io.modyn.api.crypto.KeyManagerException;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.api.model.ErrorType;
import io.modyn.kms.keys.CiphertextBlob;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KmsKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks the bound {@link Authorizer} (auth-iam's, with {@code --auth iam}) whether the caller may
 * do a KMS request, as AWS KMS asks IAM: the action {@code kms:<Action>}, the key's ARN (or
 * {@code *} for actions on no key), KMS's condition keys ({@code kms:EncryptionContext:<key>},
 * {@code kms:EncryptionContextKeys}, {@code kms:RequestAlias}, {@code kms:CallerAccount},
 * {@code kms:BypassPolicyLockoutSafetyCheck}, the tagging keys), the key's tags, and its key policy
 * as a <em>required</em> resource policy: an identity-based allow counts only where the key
 * policy allows the account. The key is looked up first, so an unknown key is NotFoundException
 * for everyone, as in AWS. A denial is answered as KMS's {@code AccessDeniedException} with the
 * authorizer's message.
 *
 * <p>With no authorizer bound (open mode, the caller acting as the account root) nothing is
 * asked, except that an AWS managed key refuses what its key policy grants nobody (disabling,
 * deleting, changing it), with AWS's message.
 */
final class KmsAuthorization {

    /**
     * What the policy of an AWS managed key lets the account do with it directly: read it. Using it
     * is allowed only through its service (kms:ViaService), which here is the engine's
     * {@link io.modyn.api.crypto.KeyManager}, not this API.
     */
    private static final Set<String> AWS_MANAGED_ALLOWED = Set.of("DescribeKey", "GetKeyPolicy", "GetKeyRotationStatus",
            "ListKeyPolicies", "ListResourceTags", "ListKeyRotations", "ListAliases");

    private final KeyService keys;
    private final Supplier<Authorizer> authorizer;

    KmsAuthorization(KeyService keys, Supplier<Authorizer> authorizer) {
        this.keys = keys;
        this.authorizer = authorizer;
    }

    /**
     * A {@link io.modyn.api.crypto.KeyManager} call on behalf of a DynamoDB request's caller, asked
     * as DynamoDB's calls to KMS are: with {@code kms:ViaService} = {@code dynamodb.<region>.amazonaws.com}.
     * Nothing is asked without an authorizer or without a principal (open mode).
     */
    void onBehalfOf(RequestContext caller, String action, KmsKey key, String identifier, Map<String, String> encryptionContext) {
        Authorizer bound = authorizer.get();
        if (bound == null || caller == null || caller.principal() == null) {
            return;
        }
        Map<String, List<String>> conditionKeys = contextKeys(callerKeys(caller.principal()), encryptionContext);
        conditionKeys.put("kms:ViaService", List.of("dynamodb." + keys.region() + ".amazonaws.com"));
        Access access = onKey(action, key, identifier, conditionKeys);
        try {
            bound.authorize(caller, List.of(new AuthorizationRequest(access.action(), access.resource(), access.conditionKeys())),
                    arn -> arn.equals(access.resource()) ? key.tags() : Map.of(),
                    arn -> arn.equals(access.resource()) ? Optional.of(new ResourcePolicy(keys.policy(key), true)) : Optional.empty());
        } catch (DynamoException e) {
            if (e.type() == ErrorType.ACCESS_DENIED) {
                throw new KeyManagerException("AccessDeniedException", e.getMessage());
            }
            throw e;
        }
    }

    /** One action on one resource, with the key it names (null for {@code *} and alias ARNs). */
    private record Access(String action, String resource, KmsKey key, Map<String, List<String>> conditionKeys) {
    }

    /**
     * Returns normally when the caller may do the request; throws KMS's AccessDeniedException (as a
     * {@link KeyManagerException}) when not, or the request's own error when it names no key.
     */
    void check(String action, Request body, ProtocolRequest request) {
        Authorizer bound = authorizer.get();
        if (bound == null && AWS_MANAGED_ALLOWED.contains(action)) {
            return;
        }
        List<Access> accesses = accesses(action, body, request.principal());
        if (bound == null) {
            for (Access access : accesses) {
                if (access.key() != null && access.key().awsManaged() && !AWS_MANAGED_ALLOWED.contains(action)) {
                    throw denied(callerArn(request.principal()), access.action(), access.resource(), "resource-based");
                }
            }
            return;
        }
        Map<String, KmsKey> byArn = new HashMap<>();
        List<AuthorizationRequest> requests = new ArrayList<>();
        for (Access access : accesses) {
            if (access.key() != null) {
                byArn.put(access.resource(), access.key());
            }
            requests.add(new AuthorizationRequest(access.action(), access.resource(), access.conditionKeys()));
        }
        try {
            bound.authorize(context(request), requests,
                    arn -> byArn.containsKey(arn) ? byArn.get(arn).tags() : Map.of(),
                    arn -> Optional.ofNullable(byArn.get(arn)).map(key -> new ResourcePolicy(keys.policy(key), true)));
        } catch (DynamoException e) {
            if (e.type() == ErrorType.ACCESS_DENIED) {
                throw new KeyManagerException("AccessDeniedException", e.getMessage());
            }
            throw e;
        }
    }

    /**
     * KMS's lockout safety check with an authorizer: would the caller still be allowed
     * {@code kms:PutKeyPolicy} on the key under the new policy? Empty when no authorizer is bound.
     *
     * @param keyArn the key's ARN (for CreateKey, the ARN the new key will have)
     */
    Optional<Boolean> allowsPutKeyPolicy(ProtocolRequest request, String keyArn, Map<String, String> tags, String newPolicy) {
        Authorizer bound = authorizer.get();
        if (bound == null) {
            return Optional.empty();
        }
        try {
            bound.authorize(context(request), List.of(new AuthorizationRequest("kms:PutKeyPolicy", keyArn, callerKeys(request.principal()))),
                    arn -> arn.equals(keyArn) ? tags : Map.of(),
                    arn -> arn.equals(keyArn) ? Optional.of(new ResourcePolicy(newPolicy, true)) : Optional.empty());
            return Optional.of(true);
        } catch (DynamoException e) {
            if (e.type() == ErrorType.ACCESS_DENIED) {
                return Optional.of(false);
            }
            throw e;
        }
    }

    String callerArn(Principal principal) {
        return principal == null ? "arn:aws:iam::" + keys.accountId() + ":root" : principal.arn();
    }

    private static RequestContext context(ProtocolRequest request) {
        return new RequestContext(request.requestId(), request.principal(), request.sourceIp(), request.secureTransport(),
                request.header("User-Agent"));
    }

    private List<Access> accesses(String action, Request body, Principal principal) {
        String kmsAction = "kms:" + action;
        Map<String, List<String>> base = callerKeys(principal);
        return switch (action) {
            case "CreateKey" -> {
                Map<String, List<String>> keysOf = new LinkedHashMap<>(base);
                tagKeys(keysOf, body.tags());
                keysOf.put("kms:BypassPolicyLockoutSafetyCheck", List.of(String.valueOf(body.bypassLockout())));
                yield List.of(new Access(kmsAction, "*", null, keysOf));
            }
            case "ListKeys", "ListAliases", "GenerateRandom" -> List.of(new Access(kmsAction, "*", null, base));
            case "Decrypt" -> {
                String identifier = body.optionalKeyId();
                KmsKey key = identifier != null ? keys.find(identifier) : keyOfBlob(body.blob());
                yield List.of(onKey(kmsAction, key, identifier, contextKeys(base, body.context("EncryptionContext"))));
            }
            case "ReEncrypt" -> {
                String source = body.string("SourceKeyId");
                KmsKey from = source != null ? keys.find(source) : keyOfBlob(body.blob());
                String destination = body.required("DestinationKeyId");
                KmsKey to = keys.find(destination);
                yield List.of(onKey("kms:ReEncryptFrom", from, source, contextKeys(base, body.context("SourceEncryptionContext"))),
                        onKey("kms:ReEncryptTo", to, destination, contextKeys(base, body.context("DestinationEncryptionContext"))));
            }
            case "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext" -> {
                String identifier = body.keyId();
                yield List.of(onKey(kmsAction, keys.find(identifier), identifier, contextKeys(base, body.context("EncryptionContext"))));
            }
            case "CreateAlias", "UpdateAlias", "DeleteAlias" -> {
                String alias = body.required("AliasName");
                List<Access> all = new ArrayList<>();
                all.add(new Access(kmsAction, keys.aliasArn(alias), null, base));
                if (!action.equals("CreateAlias")) {
                    keys.aliases(null).entrySet().stream().filter(e -> e.getKey().equals(alias)).findFirst()
                            .flatMap(e -> keys.existing(e.getValue()))
                            .ifPresent(key -> all.add(new Access(kmsAction, keys.arn(key.id()), key, base)));
                }
                if (!action.equals("DeleteAlias")) {
                    String target = body.required("TargetKeyId");
                    KmsKey key = keys.find(target);
                    all.add(new Access(kmsAction, keys.arn(key.id()), key, base));
                }
                yield all;
            }
            default -> {
                String identifier = body.keyId();
                Map<String, List<String>> keysOf = new LinkedHashMap<>(base);
                if (action.equals("TagResource")) {
                    tagKeys(keysOf, body.tags());
                } else if (action.equals("UntagResource")) {
                    keysOf.put(ConditionKeys.TAG_KEYS, body.stringList("TagKeys"));
                } else if (action.equals("PutKeyPolicy")) {
                    keysOf.put("kms:BypassPolicyLockoutSafetyCheck", List.of(String.valueOf(body.bypassLockout())));
                }
                yield List.of(onKey(kmsAction, keys.find(identifier), identifier, keysOf));
            }
        };
    }

    private KmsKey keyOfBlob(byte[] blob) {
        CiphertextBlob.Header header = CiphertextBlob.header(blob);
        if (header == null) {
            throw io.modyn.kms.keys.KmsErrors.invalidCiphertext();
        }
        return keys.existing(header.keyId()).orElseThrow(io.modyn.kms.keys.KmsErrors::invalidCiphertext);
    }

    private Access onKey(String action, KmsKey key, String identifier, Map<String, List<String>> conditionKeys) {
        String alias = keys.aliasName(identifier);
        Map<String, List<String>> all = conditionKeys;
        if (alias != null) {
            all = new LinkedHashMap<>(conditionKeys);
            all.put("kms:RequestAlias", List.of(alias));
        }
        return new Access(action, keys.arn(key.id()), key, all);
    }

    private Map<String, List<String>> callerKeys(Principal principal) {
        Map<String, List<String>> keysOf = new LinkedHashMap<>();
        keysOf.put("kms:CallerAccount", List.of(principal == null ? keys.accountId() : principal.accountId()));
        return keysOf;
    }

    private static Map<String, List<String>> contextKeys(Map<String, List<String>> base, Map<String, String> encryptionContext) {
        Map<String, List<String>> all = new LinkedHashMap<>(base);
        encryptionContext.forEach((k, v) -> all.put("kms:EncryptionContext:" + k, List.of(v)));
        if (!encryptionContext.isEmpty()) {
            all.put("kms:EncryptionContextKeys", List.copyOf(encryptionContext.keySet()));
        }
        return all;
    }

    private static void tagKeys(Map<String, List<String>> keysOf, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        keysOf.put(ConditionKeys.TAG_KEYS, List.copyOf(tags.keySet()));
        tags.forEach((k, v) -> keysOf.put(ConditionKeys.REQUEST_TAG_PREFIX + k, List.of(v)));
    }

    /** AWS's form: "User: <caller> is not authorized to perform: kms:X on resource: <arn> because no <kind> policy allows the kms:X action". */
    static KeyManagerException denied(String callerArn, String action, String resource, String policyKind) {
        return new KeyManagerException("AccessDeniedException", "User: " + callerArn + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no " + policyKind + " policy allows the " + action + " action");
    }

    /** The members of a request that authorization reads, parsed as the actions parse them. */
    interface Request {
        String keyId();

        String optionalKeyId();

        /** An optional string member. */
        String string(String member);

        /** A required string member (ValidationException when absent). */
        String required(String member);

        byte[] blob();

        Map<String, String> context(String member);

        Map<String, String> tags();

        List<String> stringList(String member);

        boolean bypassLockout();
    }
}
