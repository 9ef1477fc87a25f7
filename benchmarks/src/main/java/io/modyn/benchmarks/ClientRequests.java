package io.modyn.benchmarks;

/** The requests one client sends in a workload, one after the other on its connection. */
interface ClientRequests {

    /** Prepares the next request in {@link #bytes()}. */
    void next();

    byte[] bytes();

    int length();

    /** Reads what the client needs from a 200 answer (a Scan's next page); nothing by default. */
    default void answered(HttpConnection connection) {
    }

    /** Item bytes the request writes (DynamoDB item size), for write amplification; 0 for reads. */
    default long logicalBytesWritten() {
        return 0;
    }

    /** A message if a 200 answer does not hold what this workload expects (checked once per run), else null. */
    default String unexpected(String body) {
        return null;
    }
}
