package io.modyn.auth.iam.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.auth.iam.identity.IdentityException.Reason;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleStoreTest {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}}";

    private final InMemoryStorageEngine engine = new InMemoryStorageEngine();
    private final RoleStore roles;

    RoleStoreTest() {
        IdentityStorage storage = new IdentityStorage();
        storage.bind(engine);
        roles = new IdentityStore(storage, new SecretSealer(SecretSealerTest.key((byte) 7), new SecureRandom()), new SecureRandom(),
                new IdentityStoreTest.MutableClock(IdentityStoreTest.START)).roleStore();
    }

    @Test
    void aCreatedRoleHasAnAroaIdAnArnAndEverythingItWasGiven() {
        IamRole role = roles.createRole("Reader", "/app/", TRUST, "reads tables", 7200, Map.of("team", "db"));
        assertTrue(role.roleId().matches("AROA[A-Z0-9]{16}"), role.roleId());
        assertEquals("arn:aws:iam::123456789012:role/app/Reader", role.arn("123456789012"));
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), role.createDate());
        IamRole found = roles.findRole("READER").orElseThrow();
        assertEquals(role, found);
        assertEquals(TRUST, found.assumeRolePolicyDocument());
        assertEquals(7200, found.maxSessionDuration());
        assertEquals(Map.of("team", "db"), found.tags());
    }

    @Test
    void aRoleRecordSurvivesItsEncodingWithAndWithoutDescriptionAndWithALongDocument() {
        IamRole plain = new IamRole("r", "/", "AROA0123456789ABCDEF", Instant.ofEpochMilli(5), TRUST, null, 3600, Map.of());
        assertEquals(plain, GroupAndRoleRecords.role(GroupAndRoleRecords.role(plain)));
        String longDocument = TRUST + " ".repeat(70_000) + "ü";
        IamRole full = new IamRole("r", "/p/", "AROA0123456789ABCDEF", Instant.ofEpochMilli(5), longDocument, "d", 43200,
                Map.of("k", "v"));
        assertEquals(full, GroupAndRoleRecords.role(GroupAndRoleRecords.role(full)));
    }

    @Test
    void aRoleNameIsTakenRegardlessOfCaseAndAnUnknownRoleIsNoSuchEntity() {
        roles.createRole("reader", "/", TRUST, null, 3600, Map.of());
        IdentityException twice = assertThrows(IdentityException.class, () -> roles.createRole("Reader", "/", TRUST, null, 3600, Map.of()));
        assertEquals(Reason.ALREADY_EXISTS, twice.reason());
        assertEquals("Role with name Reader already exists.", twice.getMessage());
        IdentityException missing = assertThrows(IdentityException.class, () -> roles.role("writer"));
        assertEquals(Reason.NO_SUCH_ENTITY, missing.reason());
        assertEquals("The role with name writer cannot be found.", missing.getMessage());
        assertTrue(roles.findRole("writer").isEmpty());
    }

    @Test
    void updatesChangeOnlyWhatTheyNameAndDeleteRemoves() {
        roles.createRole("reader", "/", TRUST, "old", 3600, Map.of("a", "1"));
        roles.updateRole("reader", null, 10_000);
        assertEquals("old", roles.role("reader").description());
        assertEquals(10_000, roles.role("reader").maxSessionDuration());
        roles.updateRole("reader", "new", null);
        assertEquals("new", roles.role("reader").description());
        assertEquals(10_000, roles.role("reader").maxSessionDuration());
        String other = TRUST.replace("123456789012:root", "123456789012:user/alice");
        roles.updateAssumeRolePolicy("reader", other);
        assertEquals(other, roles.role("reader").assumeRolePolicyDocument());
        roles.tagRole("reader", Map.of("a", "2", "b", "3"), 50);
        roles.untagRole("reader", List.of("b", "missing"));
        assertEquals(Map.of("a", "2"), roles.role("reader").tags());
        roles.deleteRole("Reader");
        assertTrue(roles.findRole("reader").isEmpty());
        assertEquals(Reason.NO_SUCH_ENTITY, assertThrows(IdentityException.class, () -> roles.deleteRole("reader")).reason());
    }

    @Test
    void rolesAreListedByNameRegardlessOfCaseAndNoReadCreatesTheKeyspace() {
        assertEquals(List.of(), roles.roles());
        assertTrue(roles.findRole("x").isEmpty());
        assertTrue(!engine.keyspaceExists(IdentityStore.KEYSPACE));
        roles.createRole("carol", "/", TRUST, null, 3600, Map.of());
        roles.createRole("Bob", "/", TRUST, null, 3600, Map.of());
        assertEquals(List.of("Bob", "carol"), roles.roles().stream().map(IamRole::name).toList());
        assertEquals(2, roles.count());
        assertNull(roles.role("bob").description());
    }
}
