package io.modyn.engine.encryption;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A table's encryption record: which master key wraps its data keys, and the data key version new
 * writes use. The wrapped data keys themselves are stored beside it, one record per version.
 *
 * @param mode the kind of master key
 * @param masterKeyArn the ARN of the master key
 * @param currentVersion the data key version new writes use; every version up to it opens
 * @param inaccessibleSinceMillis when the master key was found unusable, 0 while it is usable
 */
public record KeyRing(Mode mode, String masterKeyArn, int currentVersion, long inaccessibleSinceMillis) {

    /** The kinds of key DynamoDB offers: its owned key, the AWS managed key, a customer managed key. */
    public enum Mode {
        OWNED, AWS_MANAGED, CUSTOMER;

        /** Whether DescribeTable shows an SSEDescription (tables under the owned key have none). */
        public boolean described() {
            return this != OWNED;
        }
    }

    private static final int FORMAT = 1;

    KeyRing withVersion(int version) {
        return new KeyRing(mode, masterKeyArn, version, inaccessibleSinceMillis);
    }

    KeyRing withInaccessibleSince(long millis) {
        return new KeyRing(mode, masterKeyArn, currentVersion, millis);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(mode.ordinal());
            out.writeUTF(masterKeyArn);
            out.writeInt(currentVersion);
            out.writeLong(inaccessibleSinceMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static KeyRing decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) throw new IllegalStateException("unknown table key record format " + format);
            return new KeyRing(Mode.values()[in.readUnsignedByte()], in.readUTF(), in.readInt(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
