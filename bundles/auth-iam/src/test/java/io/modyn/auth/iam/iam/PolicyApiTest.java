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
import io.modyn.auth.iam.identity.TestHolders;
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
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The policy actions' answers as an IAM client parses them: AWS's element names, URL-encoded documents, error codes and statuses. */
class PolicyApiTest {

    private static final String ACCOUNT = "123456789012";
    private static final Principal ROOT = RootCredentials.rootPrincipal(ACCOUNT, "AKIDROOT");
    private static final String DOC = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
            + "\"Action\": \"dynamodb:GetItem\", \"Resource\": \"arn:aws:dynamodb:*:*:table/t\"}]}";
    private static final String DENY_PUT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"*\"}]}";
    private static final String POLICY_ARN = "arn:aws:iam::123456789012:policy/team/Readers";

    private final ProtocolHandler iam;

    PolicyApiTest() {
        IdentityStorage storage = new IdentityStorage();
        storage.bind(new InMemoryStorageEngine());
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 4);
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00.500Z"), ZoneOffset.UTC);
        IdentityStore users = new IdentityStore(storage, new SecretSealer(new SecretKeySpec(key, "AES"), new SecureRandom()), new SecureRandom(), clock);
        PolicyHolders holders = PolicyHolders.withUsers(users, new TestHolders().group("admins", "alice").role("app"));
        iam = IamApi.handler(users, new PolicyStore(storage, holders, ACCOUNT, new SecureRandom(), clock), ACCOUNT);
    }

    @Test
    void userPoliciesArePutReadBackUrlEncodedListedAndDeleted() throws Exception {
        ok("CreateUser", "UserName=alice");
        assertEquals(List.of("ResponseMetadata"), childNames(body(call("PutUserPolicy", "UserName=alice&PolicyName=read&PolicyDocument=" + enc(DOC)))));
        Element got = ok("GetUserPolicy", "UserName=alice&PolicyName=read");
        assertEquals(List.of("UserName", "PolicyName", "PolicyDocument"), childNames(got));
        String encoded = text(got, "PolicyDocument");
        assertTrue(encoded.startsWith("%7B%22Version%22%3A%20%222012-10-17%22"), encoded);
        assertEquals(DOC, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        ok("PutUserPolicy", "UserName=alice&PolicyName=deny&PolicyDocument=" + enc(DENY_PUT));
        Element listed = ok("ListUserPolicies", "UserName=alice&MaxItems=1");
        assertEquals(List.of("PolicyNames", "IsTruncated", "Marker"), childNames(listed));
        assertEquals(List.of("deny"), texts(child(listed, "PolicyNames")));
        Element rest = ok("ListUserPolicies", "UserName=alice&Marker=" + text(listed, "Marker"));
        assertEquals(List.of("read"), texts(child(rest, "PolicyNames")));
        assertError(call("DeleteUser", "UserName=alice"), 409, "DeleteConflict", "Cannot delete entity, must delete policies first.");
        ok("DeleteUserPolicy", "UserName=alice&PolicyName=read");
        ok("DeleteUserPolicy", "UserName=alice&PolicyName=deny");
        assertError(call("GetUserPolicy", "UserName=alice&PolicyName=read"), 404, "NoSuchEntity", "The user policy with name read cannot be found.");
        assertError(call("ListUserPolicies", "UserName=bob"), 404, "NoSuchEntity", "The user with name bob cannot be found.");
        ok("DeleteUser", "UserName=alice");
    }

    @Test
    void groupAndRolePoliciesHaveTheirOwnActionsAndMessages() throws Exception {
        ok("PutGroupPolicy", "GroupName=admins&PolicyName=g&PolicyDocument=" + enc(DOC));
        assertEquals(List.of("GroupName", "PolicyName", "PolicyDocument"), childNames(ok("GetGroupPolicy", "GroupName=admins&PolicyName=g")));
        assertEquals(List.of("g"), texts(child(ok("ListGroupPolicies", "GroupName=admins"), "PolicyNames")));
        ok("DeleteGroupPolicy", "GroupName=admins&PolicyName=g");
        ok("PutRolePolicy", "RoleName=app&PolicyName=r&PolicyDocument=" + enc(DOC));
        assertEquals(DOC, URLDecoder.decode(text(ok("GetRolePolicy", "RoleName=app&PolicyName=r"), "PolicyDocument"), StandardCharsets.UTF_8));
        assertError(call("GetRolePolicy", "RoleName=app&PolicyName=x"), 404, "NoSuchEntity", "The role policy with name x cannot be found.");
        assertError(call("PutGroupPolicy", "GroupName=nobody&PolicyName=g&PolicyDocument=" + enc(DOC)), 404, "NoSuchEntity",
                "The group with name nobody cannot be found.");
        ok("DeleteRolePolicy", "RoleName=app&PolicyName=r");
        assertEquals(List.of(), texts(child(ok("ListRolePolicies", "RoleName=app"), "PolicyNames")));
    }

    @Test
    void badDocumentsAndMembersAreMalformedPolicyDocumentLimitExceededOrValidationError() throws Exception {
        ok("CreateUser", "UserName=alice");
        assertError(call("PutUserPolicy", "UserName=alice&PolicyName=p&PolicyDocument=" + enc("{\"Statement\":[")), 400,
                "MalformedPolicyDocument", "Syntax errors in policy.");
        assertError(call("PutUserPolicy", "UserName=alice&PolicyName=p&PolicyDocument=" + enc(DOC.replace("dynamodb:GetItem", "GetItem"))),
                400, "MalformedPolicyDocument", "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
        String big = DOC.replace("GetItem", "GetItem" + "x".repeat(2000));
        assertError(call("PutUserPolicy", "UserName=alice&PolicyName=p&PolicyDocument=" + enc(big)), 409, "LimitExceeded",
                "Maximum policy size of 2048 bytes exceeded for user alice");
        assertError(call("PutUserPolicy", "UserName=alice&PolicyName=bad%20name&PolicyDocument=" + enc(DOC)), 400, "ValidationError",
                "1 validation error detected: Value 'bad name' at 'policyName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        assertError(call("PutUserPolicy", "UserName=alice&PolicyName=p"), 400, "ValidationError",
                "1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: Member must not be null");
        assertError(call("CreatePolicy", "PolicyName=p&PolicyDocument=" + enc(DOC.replace("2012-10-17", "2008-10-17"))), 400,
                "MalformedPolicyDocument", "Policy document must be version 2012-10-17 or greater.");
    }

    @Test
    void createPolicyAnswersThePolicyAndGetPolicyItsDescriptionAndTags() throws Exception {
        Element created = child(ok("CreatePolicy", "PolicyName=Readers&Path=%2Fteam%2F&Description=read%20only&PolicyDocument=" + enc(DOC)
                + "&Tags.member.1.Key=team&Tags.member.1.Value=db"), "Policy");
        assertEquals(List.of("PolicyName", "DefaultVersionId", "PolicyId", "Path", "Arn", "AttachmentCount", "PermissionsBoundaryUsageCount",
                "IsAttachable", "Description", "CreateDate", "UpdateDate", "Tags"), childNames(created));
        assertEquals(POLICY_ARN, text(created, "Arn"));
        assertTrue(text(created, "PolicyId").matches("ANPA[A-Z0-9]{17}"));
        assertEquals("v1", text(created, "DefaultVersionId"));
        assertEquals("0", text(created, "AttachmentCount"));
        assertEquals("2026-03-01T10:00:00Z", text(created, "CreateDate"));
        Element got = child(ok("GetPolicy", "PolicyArn=" + enc(POLICY_ARN)), "Policy");
        assertEquals("read only", text(got, "Description"));
        assertEquals("db", text(child(child(got, "Tags"), "member"), "Value"));
        assertError(call("CreatePolicy", "PolicyName=readers&PolicyDocument=" + enc(DOC)), 409, "EntityAlreadyExists",
                "A policy called readers already exists. Duplicate names are not allowed.");
        assertError(call("GetPolicy", "PolicyArn=" + enc("arn:aws:iam::123456789012:policy/Readers")), 404, "NoSuchEntity",
                "Policy arn:aws:iam::123456789012:policy/Readers does not exist or is not attachable.");
        assertError(call("GetPolicy", "PolicyArn=this-is-not-an-arn-at-all"), 400, "InvalidInput", "ARN this-is-not-an-arn-at-all is not valid.");
    }

    @Test
    void listPoliciesFiltersByScopePathAndAttachmentAndPages() throws Exception {
        ok("CreateUser", "UserName=alice");
        for (String name : List.of("c", "a", "b")) ok("CreatePolicy", "PolicyName=" + name + "&Path=%2Fx%2F&PolicyDocument=" + enc(DOC));
        ok("CreatePolicy", "PolicyName=d&PolicyDocument=" + enc(DOC));
        ok("AttachUserPolicy", "UserName=alice&PolicyArn=" + enc("arn:aws:iam::123456789012:policy/d"));
        Element first = ok("ListPolicies", "PathPrefix=%2Fx%2F&MaxItems=2");
        assertEquals(List.of("a", "b"), policyNames(first, "Policies"));
        assertEquals(List.of("PolicyName", "DefaultVersionId", "PolicyId", "Path", "Arn", "AttachmentCount", "PermissionsBoundaryUsageCount",
                "IsAttachable", "CreateDate", "UpdateDate"), childNames(child(child(first, "Policies"), "member")));
        assertEquals(List.of("c"), policyNames(ok("ListPolicies", "PathPrefix=%2Fx%2F&Marker=" + text(first, "Marker")), "Policies"));
        assertEquals(List.of("d"), policyNames(ok("ListPolicies", "OnlyAttached=true&Scope=Local"), "Policies"));
        assertEquals(List.of("AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess"), policyNames(ok("ListPolicies", "Scope=AWS"), "Policies"));
        assertEquals(List.of("a", "AmazonDynamoDBFullAccess", "AmazonDynamoDBReadOnlyAccess", "b", "c", "d"),
                policyNames(ok("ListPolicies", "Scope=All"), "Policies"));
        assertEquals(List.of("a", "b", "c", "d"), policyNames(ok("ListPolicies", "Scope=Local"), "Policies"));
        assertError(call("ListPolicies", "Scope=Mine"), 400, "ValidationError",
                "1 validation error detected: Value 'Mine' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]");
    }

    @Test
    void policyVersionsAreCreatedListedNewestFirstReadAndDeleted() throws Exception {
        ok("CreatePolicy", "PolicyName=Readers&Path=%2Fteam%2F&PolicyDocument=" + enc(DOC));
        Element v2 = child(ok("CreatePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&SetAsDefault=true&PolicyDocument=" + enc(DENY_PUT)),
                "PolicyVersion");
        assertEquals(List.of("VersionId", "IsDefaultVersion", "CreateDate"), childNames(v2));
        assertEquals("v2", text(v2, "VersionId"));
        assertEquals("true", text(v2, "IsDefaultVersion"));
        Element versions = ok("ListPolicyVersions", "PolicyArn=" + enc(POLICY_ARN));
        List<String> ids = new ArrayList<>();
        for (Element member : members(child(versions, "Versions"))) ids.add(text(member, "VersionId") + "=" + text(member, "IsDefaultVersion"));
        assertEquals(List.of("v2=true", "v1=false"), ids);
        Element v1 = child(ok("GetPolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=v1"), "PolicyVersion");
        assertEquals(List.of("Document", "VersionId", "IsDefaultVersion", "CreateDate"), childNames(v1));
        assertEquals(DOC, URLDecoder.decode(text(v1, "Document"), StandardCharsets.UTF_8));
        assertError(call("DeletePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=v2"), 409, "DeleteConflict",
                "Cannot delete the default version of a policy.");
        assertError(call("DeletePolicy", "PolicyArn=" + enc(POLICY_ARN)), 409, "DeleteConflict", "This policy has more than one version. "
                + "Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
        ok("SetDefaultPolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=v1");
        ok("DeletePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=v2");
        for (int i = 0; i < 4; i++) ok("CreatePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&PolicyDocument=" + enc(DOC));
        assertError(call("CreatePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&PolicyDocument=" + enc(DOC)), 409, "LimitExceeded",
                "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
        assertError(call("GetPolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=v2"), 404, "NoSuchEntity",
                "Policy " + POLICY_ARN + " version v2 does not exist or is not attachable.");
        assertError(call("GetPolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=2"), 400, "ValidationError",
                "1 validation error detected: Value '2' at 'versionId' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
        for (String v : List.of("v3", "v4", "v5", "v6")) ok("DeletePolicyVersion", "PolicyArn=" + enc(POLICY_ARN) + "&VersionId=" + v);
        ok("DeletePolicy", "PolicyArn=" + enc(POLICY_ARN));
        assertError(call("GetPolicy", "PolicyArn=" + enc(POLICY_ARN)), 404, "NoSuchEntity",
                "Policy " + POLICY_ARN + " does not exist or is not attachable.");
    }

    @Test
    void attachmentsAreListedCountedAndBlockDeletion() throws Exception {
        ok("CreateUser", "UserName=alice");
        ok("CreatePolicy", "PolicyName=Readers&Path=%2Fteam%2F&PolicyDocument=" + enc(DOC));
        for (String holder : List.of("User&UserName=alice", "Group&GroupName=admins", "Role&RoleName=app")) {
            String kind = holder.substring(0, holder.indexOf('&'));
            String name = holder.substring(holder.indexOf('&') + 1);
            ok("Attach" + kind + "Policy", name + "&PolicyArn=" + enc(POLICY_ARN));
            Element listed = ok("ListAttached" + kind + "Policies", name);
            assertEquals(List.of("AttachedPolicies", "IsTruncated"), childNames(listed));
            Element member = child(child(listed, "AttachedPolicies"), "member");
            assertEquals("Readers", text(member, "PolicyName"));
            assertEquals(POLICY_ARN, text(member, "PolicyArn"));
            assertEquals(List.of(), members(child(ok("ListAttached" + kind + "Policies", name + "&PathPrefix=%2Fother%2F"), "AttachedPolicies")));
        }
        assertEquals("3", text(child(ok("GetPolicy", "PolicyArn=" + enc(POLICY_ARN)), "Policy"), "AttachmentCount"));
        assertError(call("DeletePolicy", "PolicyArn=" + enc(POLICY_ARN)), 409, "DeleteConflict", "Cannot delete a policy attached to entities.");
        assertError(call("DeleteUser", "UserName=alice"), 409, "DeleteConflict", "Cannot delete entity, must detach all policies first.");
        assertError(call("AttachRolePolicy", "RoleName=nobody&PolicyArn=" + enc(POLICY_ARN)), 404, "NoSuchEntity",
                "The role with name nobody cannot be found.");
        assertError(call("AttachUserPolicy", "UserName=alice&PolicyArn=" + enc("arn:aws:iam::aws:policy/AdministratorAccess")), 404,
                "NoSuchEntity", "Policy arn:aws:iam::aws:policy/AdministratorAccess does not exist or is not attachable.");
        ok("DetachUserPolicy", "UserName=alice&PolicyArn=" + enc(POLICY_ARN));
        assertError(call("DetachUserPolicy", "UserName=alice&PolicyArn=" + enc(POLICY_ARN)), 404, "NoSuchEntity",
                "Policy " + POLICY_ARN + " was not found.");
        ok("DetachGroupPolicy", "GroupName=admins&PolicyArn=" + enc(POLICY_ARN));
        ok("DetachRolePolicy", "RoleName=app&PolicyArn=" + enc(POLICY_ARN));
        ok("DeletePolicy", "PolicyArn=" + enc(POLICY_ARN));
        ok("DeleteUser", "UserName=alice");
    }

    @Test
    void awsManagedDynamoDbPoliciesCanBeReadAttachedAndSimulatedButNotChanged() throws Exception {
        String arn = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess";
        Element policy = child(ok("GetPolicy", "PolicyArn=" + enc(arn)), "Policy");
        assertEquals(arn, text(policy, "Arn"));
        assertEquals("/", text(policy, "Path"));
        assertTrue(text(policy, "PolicyId").matches("ANPA[A-Z0-9]{17}"));
        assertEquals("0", text(policy, "AttachmentCount"));
        String document = URLDecoder.decode(text(child(ok("GetPolicyVersion", "PolicyArn=" + enc(arn) + "&VersionId=v1"), "PolicyVersion"),
                "Document"), StandardCharsets.UTF_8);
        assertTrue(document.contains("\"dynamodb:Query\""), document);
        ok("CreateUser", "UserName=alice");
        ok("AttachUserPolicy", "UserName=alice&PolicyArn=" + enc(arn));
        ok("AttachRolePolicy", "RoleName=app&PolicyArn=" + enc(arn));
        assertEquals("2", text(child(ok("GetPolicy", "PolicyArn=" + enc(arn)), "Policy"), "AttachmentCount"));
        assertEquals(List.of("AmazonDynamoDBReadOnlyAccess"), policyNames(ok("ListPolicies", "OnlyAttached=true"), "Policies"));
        assertEquals(List.of(arn), members(child(ok("ListAttachedUserPolicies", "UserName=alice"), "AttachedPolicies")).stream()
                .map(member -> text(member, "PolicyArn")).toList());
        List<Element> results = members(child(ok("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:user/alice")
                + "&ActionNames.member.1=dynamodb:Query&ActionNames.member.2=dynamodb:PutItem"), "EvaluationResults"));
        assertEquals(List.of("allowed", "implicitDeny"), results.stream().map(r -> text(r, "EvalDecision")).toList());
        assertError(call("DeletePolicy", "PolicyArn=" + enc(arn)), 403, "AccessDenied",
                "User: arn:aws:iam::123456789012:root is not authorized to perform: iam:DeletePolicy on resource: policy " + arn);
        assertError(call("CreatePolicyVersion", "PolicyArn=" + enc(arn) + "&PolicyDocument=" + enc(DOC)), 403, "AccessDenied",
                "User: arn:aws:iam::123456789012:root is not authorized to perform: iam:CreatePolicyVersion on resource: policy " + arn);
        ok("DetachUserPolicy", "UserName=alice&PolicyArn=" + enc(arn));
        ok("DetachRolePolicy", "RoleName=app&PolicyArn=" + enc(arn));
        assertEquals("0", text(child(ok("GetPolicy", "PolicyArn=" + enc(arn)), "Policy"), "AttachmentCount"));
        ok("DeleteUser", "UserName=alice");
    }

    @Test
    void simulatePrincipalPolicyEvaluatesTheUsersAndItsGroupsPolicies() throws Exception {
        ok("CreateUser", "UserName=alice");
        ok("PutUserPolicy", "UserName=alice&PolicyName=read&PolicyDocument=" + enc(DOC));
        ok("CreatePolicy", "PolicyName=NoPuts&PolicyDocument=" + enc(DENY_PUT));
        ok("AttachGroupPolicy", "GroupName=admins&PolicyArn=" + enc("arn:aws:iam::123456789012:policy/NoPuts"));
        Element result = ok("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:user/alice")
                + "&ActionNames.member.1=dynamodb:GetItem&ActionNames.member.2=dynamodb:PutItem&ActionNames.member.3=dynamodb:Query"
                + "&ResourceArns.member.1=" + enc("arn:aws:dynamodb:us-east-1:123456789012:table/t"));
        assertEquals(List.of("EvaluationResults", "IsTruncated"), childNames(result));
        List<Element> results = members(child(result, "EvaluationResults"));
        assertEquals(List.of("allowed", "explicitDeny", "implicitDeny"), results.stream().map(r -> text(r, "EvalDecision")).toList());
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/t", text(results.get(0), "EvalResourceName"));
        Element matched = child(child(results.get(0), "MatchedStatements"), "member");
        assertEquals("read", text(matched, "SourcePolicyId"));
        assertEquals("user", text(matched, "SourcePolicyType"));
        Element denied = child(child(results.get(1), "MatchedStatements"), "member");
        assertEquals("NoPuts", text(denied, "SourcePolicyId"));
        assertEquals("user-managed", text(denied, "SourcePolicyType"));
        assertEquals(List.of(), members(child(results.get(2), "MatchedStatements")));

        Element withInput = ok("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:role/app")
                + "&ActionNames.member.1=dynamodb:Query&PolicyInputList.member.1=" + enc(DOC.replace("GetItem", "Query")));
        Element only = members(child(withInput, "EvaluationResults")).get(0);
        assertEquals("*", text(only, "EvalResourceName"));
        assertEquals("implicitDeny", text(only, "EvalDecision")); // the document names table t, the resource is *
        Element condition = ok("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:group/admins")
                + "&ActionNames.member.1=dynamodb:Scan&PolicyInputList.member.1=" + enc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"dynamodb:Scan\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1\"}}}]}")
                + "&ContextEntries.member.1.ContextKeyName=aws:SourceVpc&ContextEntries.member.1.ContextKeyValues.member.1=vpc-1"
                + "&ContextEntries.member.1.ContextKeyType=string");
        assertEquals("allowed", text(members(child(condition, "EvaluationResults")).get(0), "EvalDecision"));
        assertError(call("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:user/bob") + "&ActionNames.member.1=s3:x"),
                404, "NoSuchEntity", "The user with name bob cannot be found.");
        assertError(call("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:user/alice")), 400, "ValidationError",
                "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null");
        assertError(call("SimulatePrincipalPolicy", "PolicySourceArn=" + enc("arn:aws:iam::123456789012:user/alice")
                + "&ActionNames.member.1=dynamodb:Scan&PolicyInputList.member.1=" + enc("{")), 400, "InvalidInput", "Syntax errors in policy.");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Element ok(String action, String parameters) throws Exception {
        ProtocolResponse response = call(action, parameters);
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        Element document = body(response);
        assertEquals(action + "Response", document.getLocalName());
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(action + "Result")) return element;
        }
        return document;
    }

    private ProtocolResponse call(String action, String parameters) {
        String body = "Action=" + action + "&Version=2010-05-08" + (parameters.isEmpty() ? "" : "&" + parameters);
        return iam.handle(new ProtocolRequest("POST", "/", null, Map.of(), body.getBytes(StandardCharsets.UTF_8), ROOT, "REQ",
                new InetSocketAddress("127.0.0.1", 1)));
    }

    private static void assertError(ProtocolResponse response, int status, String code, String message) throws Exception {
        Element error = child(body(response), "Error");
        assertEquals(code + ": " + message, text(error, "Code") + ": " + text(error, "Message"));
        assertEquals(status, response.status());
    }

    private static Element body(ProtocolResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getDocumentElement();
    }

    private static List<String> policyNames(Element result, String list) {
        return members(child(result, list)).stream().map(member -> text(member, "PolicyName")).toList();
    }

    private static List<Element> members(Element parent) {
        List<Element> members = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) members.add(element);
        }
        return members;
    }

    private static List<String> texts(Element parent) {
        return members(parent).stream().map(Element::getTextContent).toList();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) return element;
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName() + ": " + childNames(parent));
    }

    private static List<String> childNames(Element parent) {
        return members(parent).stream().map(Element::getLocalName).toList();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }
}
