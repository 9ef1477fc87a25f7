package io.modyn.auth.iam.identity;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of policy records, as {@link IdentityRecords} writes users: a format version, then the
 * fields in a fixed order. Policy documents may be longer than {@code writeUTF} allows, so they are
 * written as a length and UTF-8 bytes.
 */
final class PolicyRecords {

    private static final byte HOLDER_V1 = 1;
    private static final byte POLICY_V1 = 1;

    private PolicyRecords() {
    }

    static byte[] holder(HolderPolicies policies) {
        return IdentityRecords.write(out -> {
            out.writeByte(HOLDER_V1);
            out.writeInt(policies.inline().size());
            for (Map.Entry<String, String> policy : policies.inline().entrySet()) {
                out.writeUTF(policy.getKey());
                writeText(out, policy.getValue());
            }
            out.writeInt(policies.attached().size());
            for (String arn : policies.attached()) out.writeUTF(arn);
        });
    }

    static HolderPolicies holder(byte[] bytes) {
        if (bytes == null) return HolderPolicies.NONE;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != HOLDER_V1) throw new IllegalStateException("unknown IAM policy holder record version " + version);
            int inlineCount = in.readInt();
            Map<String, String> inline = new LinkedHashMap<>();
            for (int i = 0; i < inlineCount; i++) inline.put(in.readUTF(), readText(in));
            int attachedCount = in.readInt();
            List<String> attached = new ArrayList<>(attachedCount);
            for (int i = 0; i < attachedCount; i++) attached.add(in.readUTF());
            return new HolderPolicies(inline, attached);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM policy holder record", e);
        }
    }

    static byte[] policy(ManagedPolicy policy) {
        return IdentityRecords.write(out -> {
            out.writeByte(POLICY_V1);
            out.writeUTF(policy.name());
            out.writeUTF(policy.path());
            out.writeUTF(policy.policyId());
            out.writeBoolean(policy.description() != null);
            if (policy.description() != null) out.writeUTF(policy.description());
            out.writeLong(policy.createDate().toEpochMilli());
            out.writeLong(policy.updateDate().toEpochMilli());
            out.writeUTF(policy.defaultVersionId());
            out.writeInt(policy.attachmentCount());
            out.writeInt(policy.tags().size());
            for (Map.Entry<String, String> tag : policy.tags().entrySet()) {
                out.writeUTF(tag.getKey());
                out.writeUTF(tag.getValue());
            }
            out.writeInt(policy.nextVersion());
            out.writeInt(policy.versions().size());
            for (ManagedPolicy.Version v : policy.versions()) {
                out.writeUTF(v.versionId());
                writeText(out, v.document());
                out.writeLong(v.createDate().toEpochMilli());
            }
        });
    }

    static ManagedPolicy policy(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != POLICY_V1) throw new IllegalStateException("unknown IAM managed policy record version " + version);
            String name = in.readUTF();
            String path = in.readUTF();
            String id = in.readUTF();
            String description = in.readBoolean() ? in.readUTF() : null;
            Instant created = Instant.ofEpochMilli(in.readLong());
            Instant updated = Instant.ofEpochMilli(in.readLong());
            String defaultVersion = in.readUTF();
            int attachments = in.readInt();
            int tagCount = in.readInt();
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < tagCount; i++) tags.put(in.readUTF(), in.readUTF());
            int next = in.readInt();
            int versionCount = in.readInt();
            List<ManagedPolicy.Version> versions = new ArrayList<>(versionCount);
            for (int i = 0; i < versionCount; i++) {
                versions.add(new ManagedPolicy.Version(in.readUTF(), readText(in), Instant.ofEpochMilli(in.readLong())));
            }
            return new ManagedPolicy(name, path, id, description, created, updated, defaultVersion, attachments, tags, next, versions);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM managed policy record", e);
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
