package io.modyn.auth.iam.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.auth.Principal;
import io.modyn.api.extension.ProtocolHandler;
import io.modyn.api.extension.ProtocolRequest;
import io.modyn.api.extension.ProtocolResponse;
import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.credentials.RootCredentials;
import io.modyn.auth.iam.identity.IdentityStorage;
import io.modyn.auth.iam.identity.IdentityStore;
import io.modyn.auth.iam.identity.PolicyHolders;
import io.modyn.auth.iam.identity.PolicyStore;
import io.modyn.auth.iam.identity.SecretSealer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The group, role and account-summary actions' answers as an IAM client parses them. */
class IamGroupsAndRolesApiTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REQUEST_ID = "REQUEST0123456789";
    private static final Principal ROOT = RootCredentials.rootPrincipal(ACCOUNT, "AKIDROOT");
    static final String TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"sts:AssumeRole\"}}";

    private final IdentityStore store;
    private final ProtocolHandler iam;

    IamGroupsAndRolesApiTest() {
        IdentityStorage storage = new IdentityStorage();
        storage.bind(new InMemoryStorageEngine());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        store = new IdentityStore(storage, new SecretSealer(new SecretKeySpec(key, "AES"), new SecureRandom()), new SecureRandom(),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00.500Z"), ZoneOffset.UTC));
        iam = IamApi.handler(store, new PolicyStore(storage, PolicyHolders.stored(store), ACCOUNT, new SecureRandom(), Clock.systemUTC()),
                ACCOUNT);
    }

    // ---- groups

    @Test
    void createGroupAnswersTheGroup() throws Exception {
        Element group = child(ok("CreateGroup", "GroupName=Admins&Path=%2Fops%2F"), "Group");
        assertEquals(List.of("Path", "GroupName", "GroupId", "Arn", "CreateDate"), childNames(group));
        assertEquals("/ops/", text(group, "Path"));
        assertTrue(text(group, "GroupId").matches("AGPA[A-Z0-9]{16}"));
        assertEquals("arn:aws:iam::123456789012:group/ops/Admins", text(group, "Arn"));
        assertEquals("2026-03-01T10:00:00Z", text(group, "CreateDate"));
        assertError(call("CreateGroup", "GroupName=admins"), 409, "EntityAlreadyExists", "Group with name admins already exists.");
    }

    @Test
    void groupNamesMayBe128CharactersLong() throws Exception {
        ok("CreateGroup", "GroupName=" + "g".repeat(128));
        assertError(call("CreateGroup", "GroupName=" + "g".repeat(129)), 400, "ValidationError",
                "1 validation error detected: Value '" + "g".repeat(129) + "' at 'groupName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
        assertError(call("CreateGroup", ""), 400, "ValidationError",
                "1 validation error detected: Value null at 'groupName' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void getGroupAnswersTheGroupAndAPageOfItsUsers() throws Exception {
        ok("CreateGroup", "GroupName=devs");
        for (String user : List.of("carol", "alice", "bob")) {
            ok("CreateUser", "UserName=" + user);
            assertEquals(List.of("ResponseMetadata"), childNames(body(call("AddUserToGroup", "GroupName=devs&UserName=" + user))));
        }
        Element first = ok("GetGroup", "GroupName=DEVS&MaxItems=2");
        assertEquals(List.of("Group", "Users", "IsTruncated", "Marker"), childNames(first));
        assertEquals("devs", text(child(first, "Group"), "GroupName"));
        assertEquals(List.of("alice", "bob"), names(child(first, "Users"), "UserName"));
        assertEquals(List.of("Path", "UserName", "UserId", "Arn", "CreateDate"), childNames(child(child(first, "Users"), "member")));
        Element second = ok("GetGroup", "GroupName=devs&MaxItems=2&Marker=" + text(first, "Marker"));
        assertEquals(List.of("carol"), names(child(second, "Users"), "UserName"));
        assertEquals("false", text(second, "IsTruncated"));
        assertError(call("GetGroup", "GroupName=ops"), 404, "NoSuchEntity", "The group with name ops cannot be found.");
    }

    @Test
    void listGroupsAndListGroupsForUser() throws Exception {
        ok("CreateGroup", "GroupName=b&Path=%2Fteam%2F");
        ok("CreateGroup", "GroupName=a&Path=%2Fteam%2F");
        ok("CreateGroup", "GroupName=c");
        assertEquals(List.of("a", "b", "c"), names(child(ok("ListGroups", ""), "Groups"), "GroupName"));
        Element team = ok("ListGroups", "PathPrefix=%2Fteam%2F");
        assertEquals(List.of("Groups", "IsTruncated"), childNames(team));
        assertEquals(List.of("a", "b"), names(child(team, "Groups"), "GroupName"));
        ok("CreateUser", "UserName=alice");
        call("AddUserToGroup", "GroupName=c&UserName=alice");
        call("AddUserToGroup", "GroupName=a&UserName=alice");
        Element mine = ok("ListGroupsForUser", "UserName=alice");
        assertEquals(List.of("a", "c"), names(child(mine, "Groups"), "GroupName"));
        assertError(call("ListGroupsForUser", "UserName=nobody"), 404, "NoSuchEntity", "The user with name nobody cannot be found.");
    }

    @Test
    void groupsAndTheirMembersCannotBeDeletedWhileMembershipsRemain() throws Exception {
        ok("CreateGroup", "GroupName=devs");
        ok("CreateUser", "UserName=alice");
        call("AddUserToGroup", "GroupName=devs&UserName=alice");
        assertError(call("DeleteGroup", "GroupName=devs"), 409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
        assertError(call("DeleteUser", "UserName=alice"), 409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
        assertError(call("AddUserToGroup", "GroupName=devs&UserName=bob"), 404, "NoSuchEntity", "The user with name bob cannot be found.");
        assertEquals(200, call("RemoveUserFromGroup", "GroupName=devs&UserName=alice").status());
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("DeleteGroup", "GroupName=devs"))));
        assertEquals(200, call("DeleteUser", "UserName=alice").status());
        assertError(call("DeleteGroup", "GroupName=devs"), 404, "NoSuchEntity", "The group with name devs cannot be found.");
    }

    @Test
    void updateGroupRenamesAndMovesKeepingItsMembers() throws Exception {
        ok("CreateGroup", "GroupName=devs");
        ok("CreateUser", "UserName=alice");
        call("AddUserToGroup", "GroupName=devs&UserName=alice");
        assertEquals(200, call("UpdateGroup", "GroupName=devs&NewGroupName=builders&NewPath=%2Feng%2F").status());
        Element group = ok("GetGroup", "GroupName=builders");
        assertEquals("arn:aws:iam::123456789012:group/eng/builders", text(child(group, "Group"), "Arn"));
        assertEquals(List.of("alice"), names(child(group, "Users"), "UserName"));
        assertError(call("GetGroup", "GroupName=devs"), 404, "NoSuchEntity", "The group with name devs cannot be found.");
    }

    @Test
    void aUserJoinsAtMostTenGroups() throws Exception {
        ok("CreateUser", "UserName=alice");
        for (int i = 0; i <= 10; i++) ok("CreateGroup", "GroupName=g" + i);
        for (int i = 0; i < 10; i++) assertEquals(200, call("AddUserToGroup", "GroupName=g" + i + "&UserName=alice").status());
        assertError(call("AddUserToGroup", "GroupName=g10&UserName=alice"), 409, "LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10");
    }

    // ---- roles

    @Test
    void createRoleAnswersTheRoleWithItsTrustPolicyUrlEncoded() throws Exception {
        Element role = child(ok("CreateRole", "RoleName=Reader&Path=%2Fapp%2F&Description=reads&MaxSessionDuration=7200"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=db&AssumeRolePolicyDocument=" + form(TRUST)), "Role");
        assertEquals(List.of("Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument", "Description",
                "MaxSessionDuration", "Tags", "RoleLastUsed"), childNames(role));
        assertTrue(text(role, "RoleId").matches("AROA[A-Z0-9]{16}"));
        assertEquals("arn:aws:iam::123456789012:role/app/Reader", text(role, "Arn"));
        String encoded = text(role, "AssumeRolePolicyDocument");
        assertTrue(encoded.startsWith("%7B%22Version%22%3A%20%222012-10-17%22"), encoded);
        assertEquals(TRUST, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        assertEquals("7200", text(role, "MaxSessionDuration"));
        assertEquals(TRUST, store.roleStore().findRole("reader").orElseThrow().assumeRolePolicyDocument());
        assertError(call("CreateRole", "RoleName=reader&AssumeRolePolicyDocument=" + form(TRUST)), 409, "EntityAlreadyExists",
                "Role with name reader already exists.");
    }

    @Test
    void aRoleWithoutOptionsHasTheDefaultsAndGetRoleAndListRolesShowIt() throws Exception {
        ok("CreateRole", "RoleName=writer&AssumeRolePolicyDocument=" + form(TRUST));
        Element role = child(ok("GetRole", "RoleName=WRITER"), "Role");
        assertEquals(List.of("Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument", "MaxSessionDuration",
                "RoleLastUsed"), childNames(role));
        assertEquals("/", text(role, "Path"));
        assertEquals("3600", text(role, "MaxSessionDuration"));
        ok("CreateRole", "RoleName=admin&Path=%2Fops%2F&Tags.member.1.Key=a&Tags.member.1.Value=1&AssumeRolePolicyDocument=" + form(TRUST));
        Element listing = ok("ListRoles", "");
        assertEquals(List.of("admin", "writer"), names(child(listing, "Roles"), "RoleName"));
        assertEquals(List.of("Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument", "MaxSessionDuration"),
                childNames(child(child(listing, "Roles"), "member")));
        assertEquals(List.of("admin"), names(child(ok("ListRoles", "PathPrefix=%2Fops"), "Roles"), "RoleName"));
        assertError(call("GetRole", "RoleName=nobody"), 404, "NoSuchEntity", "The role with name nobody cannot be found.");
    }

    @Test
    void aTrustPolicyIamWouldRefuseIsMalformedPolicyDocument() throws Exception {
        assertError(call("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form("{not json")), 400, "MalformedPolicyDocument",
                "Syntax errors in policy.");
        String withResource = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}";
        assertError(call("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(withResource)), 400, "MalformedPolicyDocument",
                "Has prohibited field Resource");
        String noPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}}";
        assertError(call("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(noPrincipal)), 400, "MalformedPolicyDocument",
                "Missing required field Principal");
        assertError(call("CreateRole", "RoleName=r"), 400, "ValidationError",
                "1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null");
        String huge = TRUST.replace("\"Action\": \"sts:AssumeRole\"", "\"Action\": \"sts:AssumeRole\", \"Sid\": \"" + "s".repeat(2100) + "\"");
        assertError(call("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(huge)), 409, "LimitExceeded",
                "Cannot exceed quota for ACLSizePerRole: 2048");
        assertTrue(store.roleStore().roles().isEmpty());
    }

    @Test
    void maxSessionDurationIsBetweenOneAndTwelveHours() throws Exception {
        assertError(call("CreateRole", "RoleName=r&MaxSessionDuration=100&AssumeRolePolicyDocument=" + form(TRUST)), 400, "ValidationError",
                "1 validation error detected: Value '100' at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 3600");
        ok("CreateRole", "RoleName=r&MaxSessionDuration=43200&AssumeRolePolicyDocument=" + form(TRUST));
        assertError(call("UpdateRole", "RoleName=r&MaxSessionDuration=43201"), 400, "ValidationError",
                "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 43200");
        assertError(call("CreateRole", "RoleName=bad%2Fname&AssumeRolePolicyDocument=" + form(TRUST)), 400, "ValidationError",
                "1 validation error detected: Value 'bad/name' at 'roleName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void updateRoleUpdateRoleDescriptionAndUpdateAssumeRolePolicy() throws Exception {
        ok("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(TRUST));
        assertEquals(List.of(), childNames(ok("UpdateRole", "RoleName=r&Description=hello&MaxSessionDuration=7200")));
        Element role = child(ok("GetRole", "RoleName=r"), "Role");
        assertEquals("hello", text(role, "Description"));
        assertEquals("7200", text(role, "MaxSessionDuration"));
        Element described = child(ok("UpdateRoleDescription", "RoleName=r&Description=bye"), "Role");
        assertEquals("bye", text(described, "Description"));
        assertEquals("7200", text(described, "MaxSessionDuration"));
        String other = TRUST.replace(":root", ":user/alice");
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("UpdateAssumeRolePolicy", "RoleName=r&PolicyDocument=" + form(other)))));
        assertEquals(other, URLDecoder.decode(text(child(ok("GetRole", "RoleName=r"), "Role"), "AssumeRolePolicyDocument"),
                StandardCharsets.UTF_8));
        assertError(call("UpdateAssumeRolePolicy", "RoleName=r&PolicyDocument=" + form("[]")), 400, "MalformedPolicyDocument",
                "Syntax errors in policy.");
        assertError(call("UpdateRole", "RoleName=nobody&Description=x"), 404, "NoSuchEntity", "The role with name nobody cannot be found.");
    }

    @Test
    void tagUntagListRoleTagsAndDeleteRole() throws Exception {
        ok("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(TRUST));
        assertEquals(200, call("TagRole", "RoleName=r&Tags.member.1.Key=b&Tags.member.1.Value=2&Tags.member.2.Key=a&Tags.member.2.Value=1")
                .status());
        Element tags = ok("ListRoleTags", "RoleName=r");
        assertEquals(List.of("Tags", "IsTruncated"), childNames(tags));
        assertEquals(List.of("a", "b"), names(child(tags, "Tags"), "Key"));
        assertEquals(200, call("UntagRole", "RoleName=r&TagKeys.member.1=a").status());
        assertEquals(List.of("b"), names(child(ok("ListRoleTags", "RoleName=r"), "Tags"), "Key"));
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("DeleteRole", "RoleName=R"))));
        assertError(call("DeleteRole", "RoleName=r"), 404, "NoSuchEntity", "The role with name r cannot be found.");
    }

    // ---- account summary

    @Test
    void getAccountSummaryCountsUsersGroupsAndRolesWithAwsQuotas() throws Exception {
        ok("CreateUser", "UserName=alice");
        ok("CreateUser", "UserName=bob");
        ok("CreateGroup", "GroupName=devs");
        ok("CreateRole", "RoleName=r&AssumeRolePolicyDocument=" + form(TRUST));
        Map<String, String> summary = new LinkedHashMap<>();
        for (Node entry = child(ok("GetAccountSummary", ""), "SummaryMap").getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            assertEquals(List.of("key", "value"), childNames((Element) entry));
            summary.put(text((Element) entry, "key"), text((Element) entry, "value"));
        }
        assertEquals("2", summary.get("Users"));
        assertEquals("1", summary.get("Groups"));
        assertEquals("1", summary.get("Roles"));
        assertEquals("0", summary.get("Policies"));
        assertEquals("2", summary.get("AccessKeysPerUserQuota"));
        assertEquals("10", summary.get("GroupsPerUserQuota"));
        assertEquals("1000", summary.get("RolesQuota"));
        assertEquals("300", summary.get("GroupsQuota"));
        assertEquals("5000", summary.get("UsersQuota"));
        assertEquals("2048", summary.get("AssumeRolePolicySizeQuota"));
        assertEquals(33, summary.size(), summary.keySet().toString());
    }

    // ---- helpers

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Element ok(String action, String parameters) throws Exception {
        ProtocolResponse response = call(action, parameters);
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        Element document = body(response);
        assertEquals(action + "Response", document.getLocalName());
        assertEquals(IamApi.NAMESPACE, document.getNamespaceURI());
        return child(document, action + "Result");
    }

    private ProtocolResponse call(String action, String parameters) {
        String body = "Action=" + action + "&Version=2010-05-08" + (parameters.isEmpty() ? "" : "&" + parameters);
        return iam.handle(new ProtocolRequest("POST", "/", null, Map.of(), body.getBytes(StandardCharsets.UTF_8), ROOT, REQUEST_ID,
                new InetSocketAddress("127.0.0.1", 1)));
    }

    private static void assertError(ProtocolResponse response, int status, String code, String message) throws Exception {
        Element document = body(response);
        assertEquals("ErrorResponse", document.getLocalName(), new String(response.body(), StandardCharsets.UTF_8));
        Element error = child(document, "Error");
        assertEquals(code, text(error, "Code"));
        assertEquals(message, text(error, "Message"));
        assertEquals("Sender", text(error, "Type"));
        assertEquals(status, response.status());
    }

    private static Element body(ProtocolResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
    }

    /** The text of {@code name} in each member of a list. */
    private static List<String> names(Element list, String name) {
        List<String> names = new ArrayList<>();
        for (Node member = list.getFirstChild(); member != null; member = member.getNextSibling()) {
            names.add(text((Element) member, name));
        }
        return names;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) return element;
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName() + ": " + childNames(parent));
    }

    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) names.add(element.getLocalName());
        }
        return names;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
