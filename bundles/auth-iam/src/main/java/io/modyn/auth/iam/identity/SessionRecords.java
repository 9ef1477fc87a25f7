package io.modyn.auth.iam.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a session record, as {@link IdentityRecords} writes users and keys: a format
 * version, the {@link Session}'s fields in a fixed order (absent strings as empty ones, times as
 * epoch milliseconds), then the SHA-256 of the session token and the sealed secret.
 */
final class SessionRecords {

    private static final byte SESSION_V1 = 1;

    private SessionRecords() {
    }

    static byte[] session(StoredSession stored) {
        Session s = stored.session();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SESSION_V1);
            out.writeUTF(s.accessKeyId());
            out.writeByte(s.kind().ordinal());
            out.writeUTF(s.accountId());
            out.writeUTF(s.arn());
            out.writeUTF(s.userId());
            out.writeUTF(orEmpty(s.sourceName()));
            out.writeUTF(s.sourceArn());
            out.writeLong(s.issued().toEpochMilli());
            out.writeLong(s.expiration().toEpochMilli());
            out.writeUTF(orEmpty(s.policy()));
            writeList(out, s.policyArns());
            out.writeInt(s.tags().size());
            for (Map.Entry<String, String> tag : s.tags().entrySet()) {
                out.writeUTF(tag.getKey());
                out.writeUTF(tag.getValue());
            }
            writeList(out, s.transitiveTagKeys());
            out.writeUTF(orEmpty(s.sourceIdentity()));
            writeBytes(out, stored.sessionTokenHash());
            writeBytes(out, stored.sealedSecret());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredSession session(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != SESSION_V1) throw new IllegalStateException("unknown IAM session record version " + version);
            String accessKeyId = in.readUTF();
            Session.Kind kind = Session.Kind.values()[in.readByte()];
            String accountId = in.readUTF();
            String arn = in.readUTF();
            String userId = in.readUTF();
            String sourceName = orNull(in.readUTF());
            String sourceArn = in.readUTF();
            Instant issued = Instant.ofEpochMilli(in.readLong());
            Instant expiration = Instant.ofEpochMilli(in.readLong());
            String policy = orNull(in.readUTF());
            List<String> policyArns = readList(in);
            int tagCount = in.readInt();
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < tagCount; i++) tags.put(in.readUTF(), in.readUTF());
            List<String> transitive = readList(in);
            String sourceIdentity = orNull(in.readUTF());
            byte[] tokenHash = readBytes(in);
            byte[] sealed = readBytes(in);
            return new StoredSession(new Session(accessKeyId, kind, accountId, arn, userId, sourceName, sourceArn, issued, expiration,
                    policy, policyArns, tags, transitive, sourceIdentity), tokenHash, sealed);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("corrupt IAM session record", e);
        }
    }

    private static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) out.writeUTF(value);
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) values.add(in.readUTF());
        return values;
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        return value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
