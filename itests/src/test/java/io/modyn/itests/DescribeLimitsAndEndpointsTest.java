package io.modyn.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.itests.support.DynamoDbClients;
import io.modyn.itests.support.ModynServer;
import io.modyn.itests.support.SharedModynServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.Endpoint;

/**
 * DescribeLimits answers DynamoDB's default quotas of a region (developer guide, "Service, account,
 * and table quotas": 80,000 read and write capacity units per account, 40,000 per table);
 * DescribeEndpoints answers the address the client reached with a cache period of 1440 minutes, as
 * DynamoDB answers its own, so an SDK with endpoint discovery stays on this server.
 */
@ExtendWith(SharedModynServer.class)
class DescribeLimitsAndEndpointsTest {

    private static ModynServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void connect(ModynServer shared) {
        server = shared;
        dynamo = DynamoDbClients.withoutRetries(shared);
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Test
    void describeLimitsAnswersTheDefaultQuotas() {
        DescribeLimitsResponse limits = dynamo.describeLimits(describe -> { });

        assertEquals(80_000L, limits.accountMaxReadCapacityUnits());
        assertEquals(80_000L, limits.accountMaxWriteCapacityUnits());
        assertEquals(40_000L, limits.tableMaxReadCapacityUnits());
        assertEquals(40_000L, limits.tableMaxWriteCapacityUnits());
    }

    @Test
    void describeEndpointsAnswersTheServersOwnAddress() {
        List<Endpoint> endpoints = dynamo.describeEndpoints(describe -> { }).endpoints();

        assertEquals(List.of(Endpoint.builder().address(server.endpoint().getAuthority())
                .cachePeriodInMinutes(1440L).build()), endpoints);
    }
}
