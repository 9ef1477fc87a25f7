package io.modyn.benchmarks;

import java.io.IOException;

/** Creates the benchmark's table over raw HTTP and waits until it is ACTIVE; drops it from servers not ours. */
final class TableSetup {

    private TableSetup() {
    }

    static void create(ServerUnderTest server, Dataset dataset, boolean pointInTimeRecovery) throws IOException, InterruptedException {
        try (HttpConnection connection = new HttpConnection(server.address())) {
            call(connection, server, "CreateTable", dataset.createTableJson());
            for (int attempt = 0; attempt < 600; attempt++) {
                if (call(connection, server, "DescribeTable", dataset.tableJson()).contains("\"TableStatus\":\"ACTIVE\"")) {
                    if (pointInTimeRecovery) {
                        call(connection, server, "UpdateContinuousBackups", dataset.tableJson().replace("}",
                                ",\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}"));
                    }
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException(dataset.table() + " did not become ACTIVE on " + server.name());
        }
    }

    static void delete(ServerUnderTest server, Dataset dataset) throws IOException {
        try (HttpConnection connection = new HttpConnection(server.address())) {
            call(connection, server, "DeleteTable", dataset.tableJson());
        }
    }

    private static String call(HttpConnection connection, ServerUnderTest server, String operation, String json) throws IOException {
        byte[] request = HttpRequests.request(server.host(), operation, json);
        int status = connection.exchange(request, request.length);
        if (status != 200) throw new IOException(operation + " on " + server.name() + ": status " + status + ": " + connection.bodyText());
        return connection.bodyText();
    }
}
