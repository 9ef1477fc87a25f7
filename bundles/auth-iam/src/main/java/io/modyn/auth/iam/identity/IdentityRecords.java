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
 * The bytes of user and access key records: a format version, then the fields in a fixed order
 * (strings as modified UTF-8 with a length, times as epoch milliseconds, -1 for none). Plain and
 * small on purpose; a new field means a new version number that readers of the old one still read.
 */
final class IdentityRecords {

    private static final byte USER_V1 = 1;
    private static final byte KEY_V1 = 1;

    private IdentityRecords() {
    }

    static byte[] user(IamUser user) {
        return write(out -> {
            out.writeByte(USER_V1);
            out.writeUTF(user.name());
            out.writeUTF(user.path());
            out.writeUTF(user.userId());
            out.writeLong(user.createDate().toEpochMilli());
            out.writeInt(user.tags().size());
            for (Map.Entry<String, String> tag : user.tags().entrySet()) {
                out.writeUTF(tag.getKey());
                out.writeUTF(tag.getValue());
            }
            out.writeInt(user.accessKeyIds().size());
            for (String keyId : user.accessKeyIds()) {
                out.writeUTF(keyId);
            }
        });
    }

    static IamUser user(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != USER_V1) throw new IllegalStateException("unknown IAM user record version " + version);
            String name = in.readUTF();
            String path = in.readUTF();
            String userId = in.readUTF();
            Instant created = Instant.ofEpochMilli(in.readLong());
            int tagCount = in.readInt();
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < tagCount; i++) tags.put(in.readUTF(), in.readUTF());
            int keyCount = in.readInt();
            List<String> keys = new ArrayList<>(keyCount);
            for (int i = 0; i < keyCount; i++) keys.add(in.readUTF());
            return new IamUser(name, path, userId, created, tags, keys);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM user record", e);
        }
    }

    static byte[] accessKey(StoredAccessKey stored) {
        AccessKey key = stored.key();
        return write(out -> {
            out.writeByte(KEY_V1);
            out.writeUTF(key.accessKeyId());
            out.writeUTF(key.userName());
            out.writeBoolean(key.active());
            out.writeLong(key.createDate().toEpochMilli());
            out.writeLong(key.lastUsedDate() == null ? -1 : key.lastUsedDate().toEpochMilli());
            out.writeUTF(key.lastUsedService() == null ? "" : key.lastUsedService());
            out.writeUTF(key.lastUsedRegion() == null ? "" : key.lastUsedRegion());
            out.writeInt(stored.sealedSecret().length);
            out.write(stored.sealedSecret());
        });
    }

    static StoredAccessKey accessKey(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != KEY_V1) throw new IllegalStateException("unknown IAM access key record version " + version);
            String id = in.readUTF();
            String userName = in.readUTF();
            boolean active = in.readBoolean();
            Instant created = Instant.ofEpochMilli(in.readLong());
            long lastUsed = in.readLong();
            String service = in.readUTF();
            String region = in.readUTF();
            byte[] sealed = new byte[in.readInt()];
            in.readFully(sealed);
            return new StoredAccessKey(new AccessKey(id, userName, active, created, lastUsed < 0 ? null : Instant.ofEpochMilli(lastUsed),
                    service.isEmpty() ? null : service, region.isEmpty() ? null : region), sealed);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt IAM access key record", e);
        }
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
