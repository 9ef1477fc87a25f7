package io.modyn.storage.file.mutation;

/**
 * One change to the stored state: what the commit log records and what memtables apply. A
 * transaction commits a list of them as one log record; a keyspace create or drop is a list of one.
 * Partition, sort and value are null where the kind has none. Arrays are never modified.
 */
public record Mutation(Kind kind, String keyspace, byte[] partition, byte[] sort, byte[] value) {

    public enum Kind {
        CREATE_KEYSPACE(1),
        DROP_KEYSPACE(2),
        PUT(3),
        DELETE(4);

        final byte code;

        Kind(int code) {
            this.code = (byte) code;
        }

        static Kind ofCode(byte code) {
            for (Kind kind : values()) if (kind.code == code) return kind;
            throw new IllegalArgumentException("unknown mutation kind " + code);
        }
    }

    public static Mutation createKeyspace(String keyspace) {
        return new Mutation(Kind.CREATE_KEYSPACE, keyspace, null, null, null);
    }

    public static Mutation dropKeyspace(String keyspace) {
        return new Mutation(Kind.DROP_KEYSPACE, keyspace, null, null, null);
    }

    public static Mutation put(String keyspace, byte[] partition, byte[] sort, byte[] value) {
        return new Mutation(Kind.PUT, keyspace, partition, sort, value);
    }

    public static Mutation delete(String keyspace, byte[] partition, byte[] sort) {
        return new Mutation(Kind.DELETE, keyspace, partition, sort, null);
    }

    /** True for the mutations of one record (put and delete), which carry a key. */
    public boolean hasKey() {
        return kind == Kind.PUT || kind == Kind.DELETE;
    }
}
