package io.modyn.engine.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Shard iterators: opaque to clients, shaped as DynamoDB's ({@code <stream ARN>|1|<opaque>}, so
 * that an authorizer can see which stream an iterator reads). The opaque part holds the shard id,
 * the position (read the records after this sequence number) and the time the iterator was issued,
 * from which it expires. Iterators hold no server state: any node can continue any iterator.
 */
final class ShardIterators {

    private static final String VERSION = "1";

    /** A decoded iterator. */
    record Position(String streamArn, String shardId, long afterSequence, long issuedMillis) {
    }

    private ShardIterators() {
    }

    static String encode(Position position) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(position.shardId());
            out.writeLong(position.afterSequence());
            out.writeLong(position.issuedMillis());
            return position.streamArn() + "|" + VERSION + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position an iterator holds, or null if the text is not an iterator this server issued. */
    static Position decode(String iterator) {
        String[] parts = iterator.split("\\|", -1);
        if (parts.length != 3 || !parts[1].equals(VERSION)) return null;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(parts[2])));
            Position position = new Position(parts[0], in.readUTF(), in.readLong(), in.readLong());
            return in.available() == 0 && position.afterSequence() >= 0 ? position : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }
}
