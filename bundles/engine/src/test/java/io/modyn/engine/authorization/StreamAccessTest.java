package io.modyn.engine.authorization;

import static io.modyn.engine.authorization.AuthorizationFixture.CONTEXT;
import static io.modyn.engine.authorization.AuthorizationFixture.MUSIC_ARN;
import static io.modyn.engine.authorization.AuthorizationFixture.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.DynamoException;
import io.modyn.api.streams.DescribeStreamRequest;
import io.modyn.api.streams.DynamoDbStreamsService;
import io.modyn.api.streams.GetRecordsRequest;
import io.modyn.api.streams.GetShardIteratorRequest;
import io.modyn.api.streams.ListStreamsRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DynamoDB Streams API: its IAM actions on the stream ARN. */
class StreamAccessTest {

    private final AuthorizationFixture fixture = new AuthorizationFixture();
    private final DynamoDbStreamsService streams = fixture.streams.service();

    @Test
    void listStreamsOfATableAsksOnEveryResource() {
        streams.listStreams(new ListStreamsRequest("Music", null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:ListStreams", "*", Map.of());
    }

    @Test
    void listStreamsOfEveryTableAsksOnEveryResource() {
        streams.listStreams(new ListStreamsRequest(null, null, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:ListStreams", "*", Map.of());
    }

    @Test
    void describeStreamGetShardIteratorAndGetRecordsAskOnTheStreamArn() {
        String streamArn = fixture.musicStreamArn;
        assertTrue(streamArn.startsWith(MUSIC_ARN + "/stream/"), streamArn);

        String shardId = streams.describeStream(new DescribeStreamRequest(streamArn, null, null), CONTEXT)
                .streamDescription().shards().get(0).shardId();
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:DescribeStream", streamArn, Map.of());
        fixture.authorizer.clear();

        String iterator = streams.getShardIterator(new GetShardIteratorRequest(streamArn, shardId, "TRIM_HORIZON", null), CONTEXT)
                .shardIterator();
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:GetShardIterator", streamArn, Map.of());
        fixture.authorizer.clear();

        streams.getRecords(new GetRecordsRequest(iterator, null), CONTEXT);
        assertRequest(fixture.authorizer.onlyCall().get(0), "dynamodb:GetRecords", streamArn, Map.of());
    }

    @Test
    void deniedGetShardIteratorPassesTheDenialOn() {
        fixture.authorizer.denyAction("dynamodb:GetShardIterator");
        DynamoException denied = assertThrows(DynamoException.class, () -> streams.getShardIterator(
                new GetShardIteratorRequest(fixture.musicStreamArn, "shardId-00000000000000000001-00000000", "LATEST", null), CONTEXT));
        assertSame(fixture.authorizer.lastDenial, denied);
        assertEquals(1, fixture.authorizer.calls.size());
    }
}
