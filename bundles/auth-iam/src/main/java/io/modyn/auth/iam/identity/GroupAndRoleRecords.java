package io.modyn.auth.iam.identity;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of group, role and membership records, in the manner of {@link IdentityRecords}: a
 * format version, then the fields in a fixed order. A role's trust policy may be longer than a
 * modified-UTF-8 string can be, so it is written as a length and UTF-8 bytes.
 */
final class GroupAndRoleRecords {

    private static final byte GROUP_V1 = 1;
    private static final byte ROLE_V1 = 1;
    private static final byte MEMBER_V1 = 1;

    private GroupAndRoleRecords() {
    }

    static byte[] group(IamGroup group) {
        return IdentityRecords.write(out -> {
            out.writeByte(GROUP_V1);
            out.writeUTF(group.name());
            out.writeUTF(group.path());
            out.writeUTF(group.groupId());
            out.writeLong(group.createDate().toEpochMilli());
        });
    }

    static IamGroup group(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            version(in, GROUP_V1, "group");
            return new IamGroup(in.readUTF(), in.readUTF(), in.readUTF(), Instant.ofEpochMilli(in.readLong()));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM group record", e);
        }
    }

    static byte[] role(IamRole role) {
        return IdentityRecords.write(out -> {
            out.writeByte(ROLE_V1);
            out.writeUTF(role.name());
            out.writeUTF(role.path());
            out.writeUTF(role.roleId());
            out.writeLong(role.createDate().toEpochMilli());
            byte[] document = role.assumeRolePolicyDocument().getBytes(StandardCharsets.UTF_8);
            out.writeInt(document.length);
            out.write(document);
            out.writeBoolean(role.description() != null);
            if (role.description() != null) out.writeUTF(role.description());
            out.writeInt(role.maxSessionDuration());
            writeTags(out, role.tags());
        });
    }

    static IamRole role(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            version(in, ROLE_V1, "role");
            String name = in.readUTF();
            String path = in.readUTF();
            String roleId = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            byte[] document = new byte[in.readInt()];
            in.readFully(document);
            String description = in.readBoolean() ? in.readUTF() : null;
            int maxSessionDuration = in.readInt();
            int tagCount = in.readInt();
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < tagCount; i++) tags.put(in.readUTF(), in.readUTF());
            return new IamRole(name, path, roleId, created, new String(document, StandardCharsets.UTF_8), description,
                    maxSessionDuration, tags);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM role record", e);
        }
    }

    /** A membership record's value: the name of the entity on the other side, as it is spelled. */
    static byte[] member(String name) {
        return IdentityRecords.write(out -> {
            out.writeByte(MEMBER_V1);
            out.writeUTF(name);
        });
    }

    static String member(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            version(in, MEMBER_V1, "group membership");
            return in.readUTF();
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM group membership record", e);
        }
    }

    private static void writeTags(DataOutputStream out, Map<String, String> tags) throws IOException {
        out.writeInt(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            out.writeUTF(tag.getKey());
            out.writeUTF(tag.getValue());
        }
    }

    private static void version(DataInputStream in, byte expected, String what) throws IOException {
        byte version = in.readByte();
        if (version != expected) throw new IllegalStateException("unknown IAM " + what + " record version " + version);
    }
}
