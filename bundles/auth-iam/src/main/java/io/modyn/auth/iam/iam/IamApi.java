package io.modyn.auth.iam.iam;

import io.modyn.api.auth.Authorizer;
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
 * requests signed for service {@code iam}: users, their access keys and tags, groups and their
 * members, roles, and the account summary, kept in the {@link IdentityStore}, and policies
 * ({@link PolicyActions}), kept in the {@link PolicyStore}.
 */
public final class IamApi {

    public static final String SIGNING_SERVICE = "iam";
    public static final String VERSION = "2010-05-08";
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private IamApi() {
    }

    /** The API with every caller allowed every action: for tests of the actions themselves. */
    public static ProtocolHandler handler(IdentityStore store, PolicyStore policies, String accountId) {
        return new QueryApi(NAMESPACE, VERSION, actions(store, policies, accountId));
    }

    /** The API whose callers other than the root need the authorizer's allow for each action ({@link IamAccess}). */
    public static ProtocolHandler handler(IdentityStore store, PolicyStore policies, String accountId, Authorizer authorizer) {
        return new QueryApi(NAMESPACE, VERSION, new IamAccess(authorizer, store, accountId).guard(actions(store, policies, accountId)));
    }

    private static Map<String, QueryAction> actions(IdentityStore store, PolicyStore policies, String accountId) {
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
        GroupActions groups = new GroupActions(store, accountId);
        actions.put("CreateGroup", IamAction.withResult(groups::createGroup));
        actions.put("GetGroup", IamAction.withResult(groups::getGroup));
        actions.put("ListGroups", IamAction.withResult(groups::listGroups));
        actions.put("UpdateGroup", IamAction.withoutResult(groups::updateGroup));
        actions.put("DeleteGroup", IamAction.withoutResult(groups::deleteGroup));
        actions.put("AddUserToGroup", IamAction.withoutResult(groups::addUserToGroup));
        actions.put("RemoveUserFromGroup", IamAction.withoutResult(groups::removeUserFromGroup));
        actions.put("ListGroupsForUser", IamAction.withResult(groups::listGroupsForUser));
        RoleActions roles = new RoleActions(store.roleStore(), accountId);
        actions.put("CreateRole", IamAction.withResult(roles::createRole));
        actions.put("GetRole", IamAction.withResult(roles::getRole));
        actions.put("ListRoles", IamAction.withResult(roles::listRoles));
        actions.put("UpdateRole", IamAction.withResult(roles::updateRole));
        actions.put("UpdateRoleDescription", IamAction.withResult(roles::updateRoleDescription));
        actions.put("UpdateAssumeRolePolicy", IamAction.withoutResult(roles::updateAssumeRolePolicy));
        actions.put("DeleteRole", IamAction.withoutResult(roles::deleteRole));
        actions.put("TagRole", IamAction.withoutResult(roles::tagRole));
        actions.put("UntagRole", IamAction.withoutResult(roles::untagRole));
        actions.put("ListRoleTags", IamAction.withResult(roles::listRoleTags));
        actions.put("GetAccountSummary", IamAction.withResult(new AccountSummaryActions(store, policies.managed())::getAccountSummary));
        PolicyActions.register(actions, policies);
        return actions;
    }

    /** The service properties the handler is registered with. */
    public static Dictionary<String, Object> serviceProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ProtocolHandler.SIGNING_SERVICE, SIGNING_SERVICE);
        return properties;
    }
}
