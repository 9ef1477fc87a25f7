package io.modyn.auth.iam.iam;

import io.modyn.api.auth.AuthorizationRequest;
import io.modyn.api.auth.Authorizer;
import io.modyn.api.auth.ResourcePolicies;
import io.modyn.api.dynamodb.RequestContext;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.model.DynamoException;
import io.modyn.auth.iam.identity.IamGroup;
import io.modyn.auth.iam.identity.IamRole;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryError;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call which IAM action: every call but the root's is put to the {@link Authorizer} as
 * {@code iam:<Action>} on the resource IAM names for it (the user, group, role or managed policy the
 * call is about, the caller's own user when a user action names none, else {@code *}), with
 * {@code iam:PolicyARN}, {@code aws:RequestTag/*} and {@code aws:TagKeys} where the call carries
 * them and {@code aws:ResourceTag/*} from the user's or role's tags. Without this an IAM user with
 * no policy could create keys for others or attach AdministratorAccess-like policies to itself.
 */
final class IamAccess {

    /** User actions that, without {@code UserName}, act on the caller's own user. */
    private static final Set<String> SELF_ACTIONS = Set.of("GetUser", "CreateAccessKey", "ListAccessKeys", "UpdateAccessKey",
            "DeleteAccessKey");

    private final Authorizer authorizer;
    private final IdentityStore store;
    private final String accountId;

    IamAccess(Authorizer authorizer, IdentityStore store, String accountId) {
        this.authorizer = authorizer;
        this.store = store;
        this.accountId = accountId;
    }

    /** Every action of {@code actions}, asking first. */
    Map<String, QueryAction> guard(Map<String, QueryAction> actions) {
        Map<String, QueryAction> guarded = new LinkedHashMap<>();
        actions.forEach((name, action) -> guarded.put(name, new QueryAction() {
            @Override
            public void answer(Map<String, String> parameters, ProtocolRequest request, QueryXmlWriter result) {
                require(name, parameters, request);
                action.answer(parameters, request, result);
            }

            @Override
            public boolean hasResult() {
                return action.hasResult();
            }
        }));
        return guarded;
    }

    private void require(String action, Map<String, String> parameters, ProtocolRequest request) {
        // Unauthenticated calls are refused by IamAction itself, with IAM's MissingAuthenticationToken.
        if (request.principal() == null) return;
        AuthorizationRequest asked = new AuthorizationRequest("iam:" + action, resource(action, parameters, request),
                conditionKeys(parameters));
        RequestContext context = new RequestContext(request.requestId(), request.principal(), request.sourceIp(),
                request.secureTransport(), request.header("User-Agent"));
        try {
            authorizer.authorize(context, List.of(asked), this::resourceTags, ResourcePolicies.NONE);
        } catch (DynamoException denied) {
            throw QueryError.of(denied);
        }
    }

    private String resource(String action, Map<String, String> parameters, ProtocolRequest request) {
        String user = parameters.get("UserName");
        if (user != null) return userArn(user, parameters.get("Path"));
        if (SELF_ACTIONS.contains(action)) return request.principal().arn();
        String group = parameters.get("GroupName");
        if (group != null) {
            String path = store.groupStore().findGroup(group).map(IamGroup::path).orElse(pathOr(parameters.get("Path")));
            return "arn:aws:iam::" + accountId + ":group" + path + group;
        }
        String role = parameters.get("RoleName");
        if (role != null) {
            String path = store.roleStore().findRole(role).map(IamRole::path).orElse(pathOr(parameters.get("Path")));
            return "arn:aws:iam::" + accountId + ":role" + path + role;
        }
        if (parameters.containsKey("PolicyArn")) return parameters.get("PolicyArn");
        if (parameters.containsKey("PolicySourceArn")) return parameters.get("PolicySourceArn");
        if (action.equals("CreatePolicy") && parameters.containsKey("PolicyName")) {
            return "arn:aws:iam::" + accountId + ":policy" + pathOr(parameters.get("Path")) + parameters.get("PolicyName");
        }
        if (parameters.containsKey("AccessKeyId")) {
            return store.findAccessKey(parameters.get("AccessKeyId")).map(key -> userArn(key.userName(), null)).orElse("*");
        }
        return "*";
    }

    /** A user's ARN with its stored path, or, for a user not (yet) stored, the path the call gives. */
    private String userArn(String name, String givenPath) {
        String path = store.findUser(name).map(IamUser::path).orElse(pathOr(givenPath));
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }

    private static String pathOr(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code iam:PolicyARN}, and the tags a call sets ({@code Tags.member.N.Key/Value}) or removes ({@code TagKeys.member.N}). */
    private static Map<String, List<String>> conditionKeys(Map<String, String> parameters) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String policyArn = parameters.get("PolicyArn");
        if (policyArn != null) keys.put("iam:PolicyARN", List.of(policyArn));
        List<String> tagKeys = new ArrayList<>();
        for (int i = 1; parameters.containsKey("Tags.member." + i + ".Key"); i++) {
            String key = parameters.get("Tags.member." + i + ".Key");
            tagKeys.add(key);
            keys.put("aws:RequestTag/" + key, List.of(parameters.getOrDefault("Tags.member." + i + ".Value", "")));
        }
        for (int i = 1; parameters.containsKey("TagKeys.member." + i); i++) tagKeys.add(parameters.get("TagKeys.member." + i));
        if (!tagKeys.isEmpty()) keys.put("aws:TagKeys", tagKeys);
        return keys;
    }

    /** The tags of the user or role an ARN of this account names ({@code aws:ResourceTag/*}); read only when a policy asks. */
    private Map<String, String> resourceTags(String arn) {
        String prefix = "arn:aws:iam::" + accountId + ":";
        if (!arn.startsWith(prefix)) return Map.of();
        String resource = arn.substring(prefix.length());
        int slash = resource.indexOf('/');
        if (slash < 0) return Map.of();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return switch (resource.substring(0, slash)) {
            case "user" -> store.findUser(name).map(IamUser::tags).orElse(Map.of());
            case "role" -> store.roleStore().findRole(name).map(IamRole::tags).orElse(Map.of());
            default -> Map.of();
        };
    }
}
