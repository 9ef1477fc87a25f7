package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.itests.support.AwsCli;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SignedClients;
import io.modyn.itests.support.StorageBackend;
import jakarta.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * IAM groups and roles on a server started with {@code --auth iam}, through the AWS SDK's
 * {@link IamClient} and the AWS CLI: groups with their members (paged), the conflicts that keep a
 * group or a member from being deleted, roles with their trust policies (checked as IAM checks
 * them, returned URL-encoded as IAM returns them), their tags and updates, GetAccountSummary's
 * counts; and on PostgreSQL two nodes on one database agreeing on all of it.
 */
class IamGroupsAndRolesTest {

    static final String ACCOUNT = "123456789012";
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String SERVICE_TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}}";

    private static ModynServer server;

    @BeforeAll
    static void startServerWithAuthentication() {
        server = ModynServer.startWithEnvironment("iam-groups-roles", List.of("--auth", "iam", "--account-id", ACCOUNT),
                SignatureAuthenticationTest.ROOT_KEYS);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void aGroupHoldsUsersPagedAndNeitherCanBeDeletedWhileTheMembershipLasts() {
        try (IamClient iam = iam(server)) {
            Group group = iam.createGroup(request -> request.groupName("Builders").path("/eng/")).group();
            assertEquals("arn:aws:iam::" + ACCOUNT + ":group/eng/Builders", group.arn());
            assertTrue(group.groupId().matches("AGPA[A-Z0-9]{16}"), group.groupId());
            for (String name : List.of("g-carol", "g-alice", "g-bob")) {
                iam.createUser(request -> request.userName(name));
                iam.addUserToGroup(request -> request.groupName("builders").userName(name));
            }
            GetGroupResponse first = iam.getGroup(request -> request.groupName("Builders").maxItems(2));
            assertEquals(List.of("g-alice", "g-bob"), first.users().stream().map(User::userName).toList());
            assertTrue(first.isTruncated());
            GetGroupResponse second = iam.getGroup(request -> request.groupName("Builders").marker(first.marker()));
            assertEquals(List.of("g-carol"), second.users().stream().map(User::userName).toList());
            List<String> everyone = new ArrayList<>();
            iam.getGroupPaginator(request -> request.groupName("Builders").maxItems(1)).users().forEach(user -> everyone.add(user.userName()));
            assertEquals(List.of("g-alice", "g-bob", "g-carol"), everyone);
            assertEquals(List.of("Builders"), iam.listGroupsForUser(request -> request.userName("g-alice")).groups().stream()
                    .map(Group::groupName).toList());
            assertTrue(iam.listGroups(request -> request.pathPrefix("/eng/")).groups().stream().anyMatch(g -> g.groupName().equals("Builders")));

            assertError(assertThrows(DeleteConflictException.class, () -> iam.deleteGroup(request -> request.groupName("Builders"))),
                    409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
            assertError(assertThrows(DeleteConflictException.class, () -> iam.deleteUser(request -> request.userName("g-alice"))),
                    409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");

            iam.updateGroup(request -> request.groupName("Builders").newGroupName("Makers"));
            assertError(assertThrows(NoSuchEntityException.class, () -> iam.getGroup(request -> request.groupName("Builders"))),
                    404, "NoSuchEntity", "The group with name Builders cannot be found.");
            assertEquals(3, iam.getGroup(request -> request.groupName("makers")).users().size());
            for (String name : List.of("g-carol", "g-alice", "g-bob")) {
                iam.removeUserFromGroup(request -> request.groupName("Makers").userName(name));
                iam.deleteUser(request -> request.userName(name));
            }
            iam.deleteGroup(request -> request.groupName("Makers"));
            assertThrows(NoSuchEntityException.class, () -> iam.getGroup(request -> request.groupName("Makers")));
        }
    }

    @Test
    void groupErrorsArriveAsAwsSendsThem() {
        try (IamClient iam = iam(server)) {
            iam.createGroup(request -> request.groupName("ge-admins"));
            assertError(assertThrows(EntityAlreadyExistsException.class, () -> iam.createGroup(request -> request.groupName("GE-Admins"))),
                    409, "EntityAlreadyExists", "Group with name GE-Admins already exists.");
            assertError(assertThrows(NoSuchEntityException.class,
                    () -> iam.addUserToGroup(request -> request.groupName("ge-admins").userName("ge-nobody"))),
                    404, "NoSuchEntity", "The user with name ge-nobody cannot be found.");
            assertError(assertThrows(NoSuchEntityException.class,
                    () -> iam.addUserToGroup(request -> request.groupName("ge-none").userName("ge-nobody"))),
                    404, "NoSuchEntity", "The group with name ge-none cannot be found.");
            assertError(assertThrows(IamException.class, () -> iam.createGroup(request -> request.groupName("bad name"))),
                    400, "ValidationError", "1 validation error detected: Value 'bad name' at 'groupName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
            iam.createUser(request -> request.userName("ge-joiner"));
            for (int i = 0; i < 11; i++) {
                String group = "ge-g" + i;
                iam.createGroup(request -> request.groupName(group));
                if (i < 10) iam.addUserToGroup(request -> request.groupName(group).userName("ge-joiner"));
            }
            assertError(assertThrows(LimitExceededException.class,
                    () -> iam.addUserToGroup(request -> request.groupName("ge-g10").userName("ge-joiner"))),
                    409, "LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10");
        }
    }

    @Test
    void aRoleKeepsItsTrustPolicyDescriptionSessionLengthAndTags() {
        try (IamClient iam = iam(server)) {
            Role role = iam.createRole(request -> request.roleName("Reader").path("/app/").assumeRolePolicyDocument(TRUST)
                    .description("reads tables").maxSessionDuration(7200).tags(Tag.builder().key("team").value("db").build())).role();
            assertEquals("arn:aws:iam::" + ACCOUNT + ":role/app/Reader", role.arn());
            assertTrue(role.roleId().matches("AROA[A-Z0-9]{16}"), role.roleId());
            assertEquals(TRUST, URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));

            Role got = iam.getRole(request -> request.roleName("reader")).role();
            assertEquals(role.roleId(), got.roleId());
            assertEquals("reads tables", got.description());
            assertEquals(7200, got.maxSessionDuration());
            assertEquals(List.of(Tag.builder().key("team").value("db").build()), got.tags());
            assertTrue(iam.listRoles(request -> request.pathPrefix("/app/")).roles().stream().anyMatch(r -> r.roleName().equals("Reader")));

            iam.updateRole(request -> request.roleName("Reader").description("reads more").maxSessionDuration(43200));
            iam.updateAssumeRolePolicy(request -> request.roleName("Reader").policyDocument(SERVICE_TRUST));
            iam.tagRole(request -> request.roleName("Reader").tags(Tag.builder().key("tier").value("gold").build()));
            iam.untagRole(request -> request.roleName("Reader").tagKeys("team"));
            Role updated = iam.getRole(request -> request.roleName("Reader")).role();
            assertEquals("reads more", updated.description());
            assertEquals(43200, updated.maxSessionDuration());
            assertEquals(SERVICE_TRUST, URLDecoder.decode(updated.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
            assertEquals(List.of("tier"), iam.listRoleTags(request -> request.roleName("Reader")).tags().stream().map(Tag::key).toList());

            iam.deleteRole(request -> request.roleName("Reader"));
            assertError(assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("Reader"))),
                    404, "NoSuchEntity", "The role with name Reader cannot be found.");
        }
    }

    @Test
    void roleErrorsArriveAsAwsSendsThem() {
        try (IamClient iam = iam(server)) {
            assertError(assertThrows(MalformedPolicyDocumentException.class,
                    () -> iam.createRole(request -> request.roleName("re-bad").assumeRolePolicyDocument("{\"Version\":"))),
                    400, "MalformedPolicyDocument", "Syntax errors in policy.");
            String withResource = TRUST.replace("\"Action\":\"sts:AssumeRole\"", "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"");
            assertError(assertThrows(MalformedPolicyDocumentException.class,
                    () -> iam.createRole(request -> request.roleName("re-bad").assumeRolePolicyDocument(withResource))),
                    400, "MalformedPolicyDocument", "Has prohibited field Resource");
            assertError(assertThrows(IamException.class,
                    () -> iam.createRole(request -> request.roleName("re-bad").assumeRolePolicyDocument(TRUST).maxSessionDuration(60))),
                    400, "ValidationError", "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 3600");
            assertError(assertThrows(IamException.class,
                    () -> iam.createRole(request -> request.roleName("re-bad").assumeRolePolicyDocument(TRUST).path("app"))),
                    400, "ValidationError", "1 validation error detected: Value 'app' at 'path' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
            assertError(assertThrows(NoSuchEntityException.class, () -> iam.getRole(request -> request.roleName("re-bad"))),
                    404, "NoSuchEntity", "The role with name re-bad cannot be found.");
            iam.createRole(request -> request.roleName("re-once").assumeRolePolicyDocument(TRUST));
            assertError(assertThrows(EntityAlreadyExistsException.class,
                    () -> iam.createRole(request -> request.roleName("RE-ONCE").assumeRolePolicyDocument(TRUST))),
                    409, "EntityAlreadyExists", "Role with name RE-ONCE already exists.");
            assertError(assertThrows(MalformedPolicyDocumentException.class,
                    () -> iam.updateAssumeRolePolicy(request -> request.roleName("re-once").policyDocument("[]"))),
                    400, "MalformedPolicyDocument", "Syntax errors in policy.");
            assertEquals(TRUST, URLDecoder.decode(iam.getRole(request -> request.roleName("re-once")).role().assumeRolePolicyDocument(),
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void getAccountSummaryCountsWhatIsStored() {
        try (IamClient iam = iam(server)) {
            iam.createRole(request -> request.roleName("as-role").assumeRolePolicyDocument(TRUST));
            iam.createGroup(request -> request.groupName("as-group"));
            Map<SummaryKeyType, Integer> summary = iam.getAccountSummary().summaryMap();
            assertEquals(iam.listUsers(request -> request.maxItems(1000)).users().size(), summary.get(SummaryKeyType.USERS));
            assertEquals(iam.listGroups(request -> request.maxItems(1000)).groups().size(), summary.get(SummaryKeyType.GROUPS));
            assertEquals(iam.listRoles(request -> request.maxItems(1000)).roles().size(), summary.get(SummaryKeyType.ROLES));
            assertTrue(summary.get(SummaryKeyType.ROLES) >= 1);
            assertEquals(2, summary.get(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA));
            assertEquals(10, summary.get(SummaryKeyType.GROUPS_PER_USER_QUOTA));
            assertEquals(1000, summary.get(SummaryKeyType.ROLES_QUOTA));
            assertEquals(0, summary.get(SummaryKeyType.POLICIES));
        }
    }

    @Test
    void theAwsCliManagesGroupsAndRoles() {
        AwsCli aws = awsCli();
        JsonObject role = aws.run("iam", "create-role", "--role-name", "cli-role", "--assume-role-policy-document", SERVICE_TRUST,
                "--description", "from the CLI", "--max-session-duration", "7200").getJsonObject("Role");
        assertEquals("arn:aws:iam::" + ACCOUNT + ":role/cli-role", role.getString("Arn"));
        // The CLI decodes the URL-encoded document and shows it as JSON.
        JsonObject trust = aws.run("iam", "get-role", "--role-name", "cli-role").getJsonObject("Role").getJsonObject("AssumeRolePolicyDocument");
        assertEquals("lambda.amazonaws.com", trust.getJsonObject("Statement").getJsonObject("Principal").getString("Service"));
        assertEquals(7200, aws.run("iam", "get-role", "--role-name", "cli-role").getJsonObject("Role").getInt("MaxSessionDuration"));

        aws.run("iam", "create-group", "--group-name", "cli-group");
        aws.run("iam", "create-user", "--user-name", "cli-member");
        aws.run("iam", "add-user-to-group", "--group-name", "cli-group", "--user-name", "cli-member");
        JsonObject group = aws.run("iam", "get-group", "--group-name", "cli-group");
        assertEquals("cli-group", group.getJsonObject("Group").getString("GroupName"));
        assertEquals("cli-member", group.getJsonArray("Users").getJsonObject(0).getString("UserName"));
        assertEquals("cli-group", aws.run("iam", "list-groups-for-user", "--user-name", "cli-member").getJsonArray("Groups")
                .getJsonObject(0).getString("GroupName"));
        AssertionError conflict = assertThrows(AssertionError.class, () -> aws.run("iam", "delete-group", "--group-name", "cli-group"));
        assertTrue(conflict.getMessage().contains("(DeleteConflict)"), conflict.getMessage());
        AssertionError malformed = assertThrows(AssertionError.class, () -> aws.run("iam", "create-role", "--role-name", "cli-bad",
                "--assume-role-policy-document", "{\"Statement\":[]}"));
        assertTrue(malformed.getMessage().contains("(MalformedPolicyDocument)"), malformed.getMessage());
        assertTrue(aws.run("iam", "get-account-summary").getJsonObject("SummaryMap").getInt("Roles") >= 1);
        aws.run("iam", "remove-user-from-group", "--group-name", "cli-group", "--user-name", "cli-member");
        aws.run("iam", "delete-group", "--group-name", "cli-group");
        aws.run("iam", "delete-role", "--role-name", "cli-role");
    }

    @Test
    void onPostgresTwoNodesAgreeOnGroupsRolesAndMemberships() throws Exception {
        Assumptions.assumeTrue(StorageBackend.current() == StorageBackend.POSTGRES, "two nodes share a database only on PostgreSQL");
        List<String> options = List.of("--auth", "iam", "--account-id", ACCOUNT);
        try (ModynServer nodeA = ModynServer.startWithEnvironment("iam-gr-node-a", options, SignatureAuthenticationTest.ROOT_KEYS);
             ModynServer nodeB = ModynServer.startSharingDatabase("iam-gr-node-b", nodeA, options, SignatureAuthenticationTest.ROOT_KEYS);
             IamClient iamA = iam(nodeA);
             IamClient iamB = iam(nodeB)) {
            iamA.createRole(request -> request.roleName("shared-role").assumeRolePolicyDocument(TRUST));
            assertError(assertThrows(EntityAlreadyExistsException.class,
                    () -> iamB.createRole(request -> request.roleName("Shared-Role").assumeRolePolicyDocument(TRUST))),
                    409, "EntityAlreadyExists", "Role with name Shared-Role already exists.");
            assertNull(iamB.getRole(request -> request.roleName("shared-role")).role().description());

            iamA.createUser(request -> request.userName("shared-user"));
            for (int i = 0; i < 12; i++) {
                String group = "shared-g" + i;
                (i % 2 == 0 ? iamA : iamB).createGroup(request -> request.groupName(group));
            }
            // Twelve joins at once, half on each node: the user's record is locked in the database, so exactly ten succeed.
            List<Callable<String>> joins = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String group = "shared-g" + i;
                IamClient client = i % 2 == 0 ? iamA : iamB;
                joins.add(() -> {
                    client.addUserToGroup(request -> request.groupName(group).userName("shared-user"));
                    return "joined";
                });
            }
            List<String> outcomes = run(joins);
            assertEquals(10, outcomes.stream().filter("joined"::equals).count(), outcomes.toString());
            assertEquals(2, outcomes.stream().filter("LimitExceeded"::equals).count(), outcomes.toString());
            assertEquals(10, iamB.listGroupsForUser(request -> request.userName("shared-user")).groups().size());

            assertError(assertThrows(DeleteConflictException.class, () -> iamB.deleteUser(request -> request.userName("shared-user"))),
                    409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
            String joined = iamA.listGroupsForUser(request -> request.userName("shared-user")).groups().get(0).groupName();
            assertError(assertThrows(DeleteConflictException.class, () -> iamB.deleteGroup(request -> request.groupName(joined))),
                    409, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
            assertEquals(List.of("shared-user"), iamB.getGroup(request -> request.groupName(joined)).users().stream()
                    .map(User::userName).toList());
        }
    }

    /** Runs the calls at once; each outcome is its result or the IAM error code it failed with. */
    private static List<String> run(List<Callable<String>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> call : calls) {
                futures.add(pool.submit(() -> {
                    try {
                        return call.call();
                    } catch (AwsServiceException e) {
                        return e.awsErrorDetails().errorCode();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) outcomes.add(future.get(60, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertError(AwsServiceException error, int status, String code, String message) {
        assertEquals(code, error.awsErrorDetails().errorCode());
        assertEquals(message, error.awsErrorDetails().errorMessage());
        assertEquals(status, error.statusCode());
    }

    private static IamClient iam(ModynServer target) {
        return SignedClients.iam(target, SignedClients.root());
    }

    private static AwsCli awsCli() {
        return AwsCli.required(server, "iam-groups-roles");
    }
}
