package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.GroupStore;
import io.modyn.auth.iam.identity.IamGroup;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.List;
import java.util.Locale;

/**
 * CreateGroup, GetGroup (the group and a page of its members), ListGroups, UpdateGroup,
 * DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser.
 */
final class GroupActions {

    private final IdentityStore users;
    private final GroupStore groups;
    private final String accountId;

    GroupActions(IdentityStore users, String accountId) {
        this.users = users;
        this.groups = users.groupStore();
        this.accountId = accountId;
    }

    void createGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.groupName();
        String path = parameters.path("Path", "path");
        IamGroup group = groups.createGroup(name, path == null ? "/" : path);
        result.start("Group");
        IamXml.groupMembers(result, group, accountId);
        result.end();
    }

    void getGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.groupName();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        IamGroup group = groups.group(name);
        Page<IamUser> page = Page.of(groups.members(name), user -> user.name().toLowerCase(Locale.ROOT), marker, maxItems);
        result.start("Group");
        IamXml.groupMembers(result, group, accountId);
        result.end().start("Users");
        for (IamUser user : page.items()) {
            result.start("member");
            IamXml.userMembers(result, user, accountId, false);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    void listGroups(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String prefix = parameters.pathPrefix();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        List<IamGroup> matching = groups.groups().stream().filter(group -> group.path().startsWith(prefix)).toList();
        writeGroups(result, Page.of(matching, GroupActions::key, marker, maxItems));
    }

    void listGroupsForUser(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String userName = parameters.userName();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        IamUser user = users.user(userName);
        writeGroups(result, Page.of(groups.groupsForUser(user.name()), GroupActions::key, marker, maxItems));
    }

    void updateGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.groupName();
        String newName = parameters.name("NewGroupName", "newGroupName", false, 128);
        String newPath = parameters.path("NewPath", "newPath");
        groups.updateGroup(name, newName, newPath);
    }

    void deleteGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        groups.deleteGroup(parameters.groupName());
    }

    void addUserToGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String groupName = parameters.groupName();
        groups.addUserToGroup(groupName, parameters.userName());
    }

    void removeUserFromGroup(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String groupName = parameters.groupName();
        groups.removeUserFromGroup(groupName, parameters.userName());
    }

    private void writeGroups(QueryXmlWriter result, Page<IamGroup> page) {
        result.start("Groups");
        for (IamGroup group : page.items()) {
            result.start("member");
            IamXml.groupMembers(result, group, accountId);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    private static String key(IamGroup group) {
        return group.name().toLowerCase(Locale.ROOT);
    }
}
