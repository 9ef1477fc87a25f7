package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.List;
import java.util.Map;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
final class UserActions {

    private final IdentityStore store;
    private final String accountId;

    UserActions(IdentityStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    void createUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.userName();
        String path = parameters.path("Path", "path");
        Map<String, String> tags = parameters.tags(false);
        IamUser user = store.createUser(name, path == null ? "/" : path, tags);
        result.start("User");
        IamXml.userMembers(result, user, accountId, true);
        result.end();
    }

    /** Without UserName: the caller (for the root, AWS's root shape: UserId is the account, Arn the root's). */
    void getUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.optionalUserName();
        if (name == null && caller.isRoot()) {
            result.start("User").element("UserId", accountId).element("Arn", caller.principal().arn()).end();
            return;
        }
        IamUser user = store.user(name == null ? caller.userName() : name);
        result.start("User");
        IamXml.userMembers(result, user, accountId, true);
        result.end();
    }

    void listUsers(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String prefix = parameters.pathPrefix();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        List<IamUser> users = store.users().stream().filter(user -> user.path().startsWith(prefix)).toList();
        Page<IamUser> page = Page.of(users, user -> user.name().toLowerCase(java.util.Locale.ROOT), marker, maxItems);
        result.start("Users");
        for (IamUser user : page.items()) {
            result.start("member");
            IamXml.userMembers(result, user, accountId, false);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    void updateUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.userName();
        String newName = parameters.name("NewUserName", "newUserName", false);
        String newPath = parameters.path("NewPath", "newPath");
        store.updateUser(name, newName, newPath);
    }

    void deleteUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        store.deleteUser(parameters.userName());
    }
}
