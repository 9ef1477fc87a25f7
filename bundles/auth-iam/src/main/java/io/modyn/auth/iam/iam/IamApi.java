package io.modyn.auth.iam.iam;

import io.modyn.api.extension.ProtocolHandler;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.query.QueryAction;
import io.modyn.auth.iam.query.QueryApi;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS Identity and Access Management API (version 2010-05-08) on the server's endpoint, for
 * requests signed for service {@code iam}: users, their access keys and tags, kept in the
 * {@link IdentityStore}, and policies ({@link PolicyActions}), kept in the {@link PolicyStore}. Every authenticated caller may call every action for now (no policies
 * yet, as for the data API).
 */
public final class IamApi {

    public static final String SIGNING_SERVICE = "iam";
    public static final String VERSION = "2010-05-08";
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamApi() {
    }

    public static ProtocolHandler handler(IdentityStore store, PolicyStore policies, String accountId) {
        UserActions users = new UserActions(store, accountId);
        AccessKeyActions keys = new AccessKeyActions(store);
        UserTagActions tags = new UserTagActions(store);
        Map<String, QueryAction> actions = new LinkedHashMap<>();
        actions.put("CreateUser", IamAction.withResult(users::createUser));
        actions.put("GetUser", IamAction.withResult(users::getUser));
        actions.put("ListUsers", IamAction.withResult(users::listUsers));
        actions.put("UpdateUser", IamAction.withoutResult(users::updateUser));
        actions.put("DeleteUser", IamAction.withoutResult(users::deleteUser));
        actions.put("CreateAccessKey", IamAction.withResult(keys::createAccessKey));
        actions.put("ListAccessKeys", IamAction.withResult(keys::listAccessKeys));
        actions.put("UpdateAccessKey", IamAction.withoutResult(keys::updateAccessKey));
        actions.put("DeleteAccessKey", IamAction.withoutResult(keys::deleteAccessKey));
        actions.put("GetAccessKeyLastUsed", IamAction.withResult(keys::getAccessKeyLastUsed));
        actions.put("TagUser", IamAction.withoutResult(tags::tagUser));
        actions.put("UntagUser", IamAction.withoutResult(tags::untagUser));
        actions.put("ListUserTags", IamAction.withResult(tags::listUserTags));
        PolicyActions.register(actions, policies);
        return new QueryApi(NAMESPACE, VERSION, actions);
    }

    /** The service properties the handler is registered with. */
    public static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ProtocolHandler.SIGNING_SERVICE, SIGNING_SERVICE);
        return properties;
    }
}
