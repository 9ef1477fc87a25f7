package io.modyn.itests.support;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two Modyn nodes on one PostgreSQL database and schema, as nodes behind a load balancer share it,
 * each with an SDK client that does not retry (a multi-node test wants to see every failure).
 * Closing stops node B first: node A owns the schema and drops it when closed.
 */
public record TwoNodes(ModynServer nodeA, ModynServer nodeB, DynamoDbClient clientA, DynamoDbClient clientB)
        implements AutoCloseable {

    public static TwoNodes start() {
        ModynServer nodeA = ModynServer.start("node-a");
        ModynServer nodeB = null;
        try {
            nodeB = ModynServer.startSharingDatabase("node-b", nodeA);
            return new TwoNodes(nodeA, nodeB, DynamoDbClients.withoutRetries(nodeA), DynamoDbClients.withoutRetries(nodeB));
        } catch (RuntimeException e) {
            if (nodeB != null) nodeB.close();
            nodeA.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            clientA.close();
            clientB.close();
            nodeB.close();
        } finally {
            nodeA.close();
        }
    }
}
