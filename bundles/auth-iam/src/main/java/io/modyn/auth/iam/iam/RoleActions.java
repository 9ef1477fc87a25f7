package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.iam.IamAction.Caller;
import io.modyn.auth.iam.identity.IamRole;
import io.modyn.auth.iam.identity.RoleStore;
import io.modyn.auth.iam.policy.MalformedPolicyException;
import io.modyn.auth.iam.policy.PolicyDocument;
import io.modyn.auth.iam.policy.PolicyKind;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy,
 * DeleteRole, TagRole, UntagRole, ListRoleTags. A trust policy is checked as IAM checks one (the
 * policy parser's {@link PolicyKind#TRUST} rules, then its size quota) before it is stored.
 */
final class RoleActions {

    /** IAM's quota on a trust policy's length, not counting whitespace. */
    static final int MAX_TRUST_POLICY_CHARACTERS = 2048;

    private final RoleStore roles;
    private final String accountId;

    RoleActions(RoleStore roles, String accountId) {
        this.roles = roles;
        this.accountId = accountId;
    }

    void createRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        String path = parameters.path("Path", "path");
        String document = trustPolicy(parameters, "AssumeRolePolicyDocument", "assumeRolePolicyDocument");
        String description = parameters.roleDescription();
        Integer maxSessionDuration = parameters.maxSessionDuration();
        Map<String, String> tags = parameters.tags(false);
        IamRole role = roles.createRole(name, path == null ? "/" : path, document, description,
                maxSessionDuration == null ? IamRole.DEFAULT_MAX_SESSION_DURATION : maxSessionDuration, tags);
        writeRole(result, role);
    }

    void getRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        writeRole(result, roles.role(parameters.roleName()));
    }

    void listRoles(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String prefix = parameters.pathPrefix();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        List<IamRole> matching = roles.roles().stream().filter(role -> role.path().startsWith(prefix)).toList();
        Page<IamRole> page = Page.of(matching, role -> role.name().toLowerCase(Locale.ROOT), marker, maxItems);
        result.start("Roles");
        for (IamRole role : page.items()) {
            result.start("member");
            IamXml.roleMembers(result, role, accountId, false);
            result.end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    /** Answers an empty UpdateRoleResult, as AWS does. */
    void updateRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        roles.updateRole(name, parameters.roleDescription(), parameters.maxSessionDuration());
    }

    /** The older action: sets only the description (required) and answers the role. */
    void updateRoleDescription(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        String description = parameters.roleDescription();
        if (description == null) throw IamErrors.constraint("description", null, "Member must not be null");
        writeRole(result, roles.updateRole(name, description, null));
    }

    void updateAssumeRolePolicy(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        roles.updateAssumeRolePolicy(name, trustPolicy(parameters, "PolicyDocument", "policyDocument"));
    }

    void deleteRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        roles.deleteRole(parameters.roleName());
    }

    void tagRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        roles.tagRole(name, parameters.tags(true), IamParameters.MAX_TAGS);
    }

    void untagRole(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        roles.untagRole(name, parameters.tagKeys());
    }

    void listRoleTags(IamParameters parameters, Caller caller, QueryXmlWriter result) {
        String name = parameters.roleName();
        String marker = parameters.marker();
        int maxItems = parameters.maxItems();
        List<Map.Entry<String, String>> tags = new ArrayList<>(roles.role(name).tags().entrySet());
        tags.sort(Map.Entry.comparingByKey());
        Page<Map.Entry<String, String>> page = Page.of(tags, Map.Entry::getKey, marker, maxItems);
        result.start("Tags");
        for (Map.Entry<String, String> tag : page.items()) {
            result.start("member").element("Key", tag.getKey()).element("Value", tag.getValue()).end();
        }
        result.end();
        IamXml.truncation(result, page);
    }

    private void writeRole(QueryXmlWriter result, IamRole role) {
        result.start("Role");
        IamXml.roleMembers(result, role, accountId, true);
        result.end();
    }

    /** The document, if IAM would accept it as a role's trust policy. */
    static String trustPolicy(IamParameters parameters, String parameter, String member) {
        String document = parameters.policyDocument(parameter, member);
        try {
            PolicyDocument.parse(document, PolicyKind.TRUST);
        } catch (MalformedPolicyException e) {
            throw IamErrors.malformedPolicy(e.getMessage());
        }
        if (document.codePoints().filter(c -> !Character.isWhitespace(c)).count() > MAX_TRUST_POLICY_CHARACTERS) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + MAX_TRUST_POLICY_CHARACTERS);
        }
        return document;
    }
}
