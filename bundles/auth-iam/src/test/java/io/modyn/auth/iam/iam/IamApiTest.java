package io.modyn.auth.iam.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Each IAM action's answer as an IAM client parses it: AWS's element names and order, namespace, errors. */
class IamApiTest {

    private static final String ACCOUNT = "123456789012";
    private static final String REQUEST_ID = "REQUEST0123456789";
    private static final Principal ROOT = RootCredentials.rootPrincipal(ACCOUNT, "AKIDROOT");

    private final IdentityStore store;
    private final ProtocolHandler iam;

    IamApiTest() {
        IdentityStorage storage = new IdentityStorage();
        storage.bind(new InMemoryStorageEngine());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 9);
        store = new IdentityStore(storage, new SecretSealer(new SecretKeySpec(key, "AES"), new SecureRandom()), new SecureRandom(),
                Clock.fixed(Instant.parse("2026-03-01T10:00:00.500Z"), ZoneOffset.UTC));
        iam = IamApi.handler(store, new PolicyStore(storage, PolicyHolders.withUsers(store, PolicyHolders.NONE), ACCOUNT, new SecureRandom(),
                Clock.systemUTC()), ACCOUNT);
    }

    @Test
    void createUserAnswersTheUserWithItsTags() throws Exception {
        Element result = ok("CreateUser", "UserName=alice&Path=%2Fdev%2F&Tags.member.1.Key=team&Tags.member.1.Value=db");
        Element user = child(result, "User");
        assertEquals(List.of("Path", "UserName", "UserId", "Arn", "CreateDate", "Tags"), childNames(user));
        assertEquals("/dev/", text(user, "Path"));
        assertEquals("alice", text(user, "UserName"));
        assertTrue(text(user, "UserId").matches("AIDA[A-Z0-9]{16}"));
        assertEquals("arn:aws:iam::123456789012:user/dev/alice", text(user, "Arn"));
        assertEquals("2026-03-01T10:00:00Z", text(user, "CreateDate"));
        Element tag = child(child(user, "Tags"), "member");
        assertEquals("team", text(tag, "Key"));
        assertEquals("db", text(tag, "Value"));
    }

    @Test
    void createUserTwiceIsEntityAlreadyExists() throws Exception {
        ok("CreateUser", "UserName=alice");
        assertError(call("CreateUser", "UserName=Alice", ROOT), 409, "EntityAlreadyExists", "User with name Alice already exists.");
    }

    @Test
    void badNamesAndPathsAreValidationErrors() throws Exception {
        assertError(call("CreateUser", "UserName=bad%20name", ROOT), 400, "ValidationError",
                "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertError(call("CreateUser", "", ROOT), 400, "ValidationError",
                "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null");
        assertError(call("CreateUser", "UserName=" + "a".repeat(65), ROOT), 400, "ValidationError",
                "1 validation error detected: Value '" + "a".repeat(65) + "' at 'userName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
        assertError(call("CreateUser", "UserName=alice&Path=dev", ROOT), 400, "ValidationError",
                "1 validation error detected: Value 'dev' at 'path' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    }

    @Test
    void getUserNamesTheUserOrWithoutANameTheCaller() throws Exception {
        ok("CreateUser", "UserName=alice");
        Element user = child(ok("GetUser", "UserName=alice"), "User");
        assertEquals(List.of("Path", "UserName", "UserId", "Arn", "CreateDate"), childNames(user));
        Element root = child(ok("GetUser", ""), "User");
        assertEquals(ACCOUNT, text(root, "UserId"));
        assertEquals("arn:aws:iam::123456789012:root", text(root, "Arn"));
        Principal alice = new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/alice", "AKIAALICE", "AIDAALICE000000000000");
        Element self = child(body(call("GetUser", "", alice)), "GetUserResult");
        assertEquals("alice", text(child(self, "User"), "UserName"));
        assertError(call("GetUser", "UserName=nobody", ROOT), 404, "NoSuchEntity", "The user with name nobody cannot be found.");
    }

    @Test
    void listUsersFiltersByPathAndPagesWithAMarker() throws Exception {
        for (String name : List.of("carol", "alice", "bob")) ok("CreateUser", "UserName=" + name + "&Path=%2Fteam%2F");
        ok("CreateUser", "UserName=dave");
        Element first = ok("ListUsers", "PathPrefix=%2Fteam%2F&MaxItems=2");
        assertEquals(List.of("Users", "IsTruncated", "Marker"), childNames(first));
        assertEquals(List.of("alice", "bob"), userNames(first));
        assertEquals("true", text(first, "IsTruncated"));
        Element second = ok("ListUsers", "PathPrefix=%2Fteam%2F&MaxItems=2&Marker=" + text(first, "Marker"));
        assertEquals(List.of("carol"), userNames(second));
        assertEquals(List.of("Users", "IsTruncated"), childNames(second));
        assertEquals(List.of("alice", "bob", "carol", "dave"), userNames(ok("ListUsers", "")));
        assertError(call("ListUsers", "MaxItems=0", ROOT), 400, "ValidationError",
                "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void updateUserRenamesAndMovesAndAnswersNoResult() throws Exception {
        ok("CreateUser", "UserName=alice");
        Element document = body(call("UpdateUser", "UserName=alice&NewUserName=alicia&NewPath=%2Fstaff%2F", ROOT));
        assertEquals(List.of("ResponseMetadata"), childNames(document));
        assertEquals("arn:aws:iam::123456789012:user/staff/alicia", text(child(ok("GetUser", "UserName=alicia"), "User"), "Arn"));
        assertError(call("GetUser", "UserName=alice", ROOT), 404, "NoSuchEntity", "The user with name alice cannot be found.");
    }

    @Test
    void deleteUserWithKeysIsDeleteConflict() throws Exception {
        ok("CreateUser", "UserName=alice");
        String keyId = text(child(ok("CreateAccessKey", "UserName=alice"), "AccessKey"), "AccessKeyId");
        assertError(call("DeleteUser", "UserName=alice", ROOT), 409, "DeleteConflict", "Cannot delete entity, must delete access keys first.");
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("DeleteAccessKey", "UserName=alice&AccessKeyId=" + keyId, ROOT))));
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("DeleteUser", "UserName=alice", ROOT))));
        assertError(call("DeleteUser", "UserName=alice", ROOT), 404, "NoSuchEntity", "The user with name alice cannot be found.");
    }

    @Test
    void createAccessKeyReturnsTheSecretOnceAndAThirdKeyIsLimitExceeded() throws Exception {
        ok("CreateUser", "UserName=alice");
        Element key = child(ok("CreateAccessKey", "UserName=alice"), "AccessKey");
        assertEquals(List.of("UserName", "AccessKeyId", "Status", "SecretAccessKey", "CreateDate"), childNames(key));
        assertEquals("Active", text(key, "Status"));
        assertEquals(40, text(key, "SecretAccessKey").length());
        ok("CreateAccessKey", "UserName=alice");
        assertError(call("CreateAccessKey", "UserName=alice", ROOT), 409, "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
        Element listing = ok("ListAccessKeys", "UserName=alice");
        assertEquals(List.of("UserName", "AccessKeyMetadata", "IsTruncated"), childNames(listing));
        Element first = child(child(listing, "AccessKeyMetadata"), "member");
        assertEquals(List.of("UserName", "AccessKeyId", "Status", "CreateDate"), childNames(first));
        String everything = new String(call("ListAccessKeys", "UserName=alice", ROOT).body(), StandardCharsets.UTF_8);
        assertFalse(everything.contains(text(key, "SecretAccessKey")));
    }

    @Test
    void aUserManagesItsOwnKeysWithoutNamingItself() throws Exception {
        ok("CreateUser", "UserName=alice");
        String keyId = text(child(ok("CreateAccessKey", "UserName=alice"), "AccessKey"), "AccessKeyId");
        Principal alice = new Principal(ACCOUNT, "arn:aws:iam::123456789012:user/alice", keyId, "AIDAALICE000000000000");
        Element created = child(child(body(call("CreateAccessKey", "", alice)), "CreateAccessKeyResult"), "AccessKey");
        assertEquals("alice", text(created, "UserName"));
        assertEquals(200, call("UpdateAccessKey", "AccessKeyId=" + keyId + "&Status=Inactive", alice).status());
        assertEquals("Inactive", store.findAccessKey(keyId).orElseThrow().status());
    }

    @Test
    void updateAccessKeyChecksStatusAndOwner() throws Exception {
        ok("CreateUser", "UserName=alice");
        ok("CreateUser", "UserName=bob");
        String keyId = text(child(ok("CreateAccessKey", "UserName=alice"), "AccessKey"), "AccessKeyId");
        assertError(call("UpdateAccessKey", "UserName=alice&AccessKeyId=" + keyId + "&Status=Paused", ROOT), 400, "ValidationError",
                "1 validation error detected: Value 'Paused' at 'status' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [Active, Inactive]");
        assertError(call("UpdateAccessKey", "UserName=bob&AccessKeyId=" + keyId + "&Status=Inactive", ROOT), 404, "NoSuchEntity",
                "The Access Key with id " + keyId + " cannot be found.");
        assertEquals(List.of("ResponseMetadata"),
                childNames(body(call("UpdateAccessKey", "UserName=alice&AccessKeyId=" + keyId + "&Status=Inactive", ROOT))));
        assertEquals("Inactive", text(child(child(ok("ListAccessKeys", "UserName=alice"), "AccessKeyMetadata"), "member"), "Status"));
    }

    @Test
    void getAccessKeyLastUsedSaysNotApplicableUntilUsed() throws Exception {
        ok("CreateUser", "UserName=alice");
        String keyId = text(child(ok("CreateAccessKey", "UserName=alice"), "AccessKey"), "AccessKeyId");
        Element unused = ok("GetAccessKeyLastUsed", "AccessKeyId=" + keyId);
        assertEquals(List.of("AccessKeyLastUsed", "UserName"), childNames(unused));
        assertEquals(List.of("ServiceName", "Region"), childNames(child(unused, "AccessKeyLastUsed")));
        assertEquals("N/A", text(child(unused, "AccessKeyLastUsed"), "ServiceName"));
        store.recordUse(keyId, "dynamodb", "us-east-1");
        Element used = child(ok("GetAccessKeyLastUsed", "AccessKeyId=" + keyId), "AccessKeyLastUsed");
        assertEquals(List.of("LastUsedDate", "ServiceName", "Region"), childNames(used));
        assertEquals("2026-03-01T10:00:00Z", text(used, "LastUsedDate"));
        assertEquals("dynamodb", text(used, "ServiceName"));
        assertEquals("us-east-1", text(used, "Region"));
    }

    @Test
    void tagUntagAndListUserTags() throws Exception {
        ok("CreateUser", "UserName=alice");
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("TagUser",
                "UserName=alice&Tags.member.1.Key=b&Tags.member.1.Value=2&Tags.member.2.Key=a&Tags.member.2.Value=1", ROOT))));
        Element listing = ok("ListUserTags", "UserName=alice");
        assertEquals(List.of("Tags", "IsTruncated"), childNames(listing));
        assertEquals(2, childNames(child(listing, "Tags")).size());
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("UntagUser", "UserName=alice&TagKeys.member.1=b", ROOT))));
        Element tag = child(child(ok("ListUserTags", "UserName=alice"), "Tags"), "member");
        assertEquals("a", text(tag, "Key"));
        assertEquals("1", text(tag, "Value"));
        assertError(call("TagUser", "UserName=nobody&Tags.member.1.Key=a&Tags.member.1.Value=1", ROOT), 404, "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void anUnknownActionIsInvalidActionInIamsNamespace() throws Exception {
        assertError(call("CreateGalaxy", "", ROOT), 400, "InvalidAction", "Could not find operation CreateGalaxy for version 2010-05-08");
    }

    private Element ok(String action, String parameters) throws Exception {
        ProtocolResponse response = call(action, parameters, ROOT);
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        Element document = body(response);
        assertEquals(action + "Response", document.getLocalName());
        assertEquals(IamApi.NAMESPACE, document.getNamespaceURI());
        assertEquals(REQUEST_ID, text(child(document, "ResponseMetadata"), "RequestId"));
        return child(document, action + "Result");
    }

    private ProtocolResponse call(String action, String parameters, Principal caller) {
        String body = "Action=" + action + "&Version=2010-05-08" + (parameters.isEmpty() ? "" : "&" + parameters);
        return iam.handle(new ProtocolRequest("POST", "/", null, Map.of(), body.getBytes(StandardCharsets.UTF_8), caller, REQUEST_ID,
                new InetSocketAddress("127.0.0.1", 1)));
    }

    private static void assertError(ProtocolResponse response, int status, String code, String message) throws Exception {
        assertEquals(status, response.status());
        assertEquals("text/xml", response.contentType());
        Element document = body(response);
        assertEquals("ErrorResponse", document.getLocalName());
        assertEquals(IamApi.NAMESPACE, document.getNamespaceURI());
        Element error = child(document, "Error");
        assertEquals("Sender", text(error, "Type"));
        assertEquals(code, text(error, "Code"));
        assertEquals(message, text(error, "Message"));
    }

    private static Element body(ProtocolResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
    }

    private static List<String> userNames(Element result) {
        List<String> names = new ArrayList<>();
        for (Node member = child(result, "Users").getFirstChild(); member != null; member = member.getNextSibling()) {
            names.add(text((Element) member, "UserName"));
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
