package io.modyn.examples.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modyn.api.model.AttributeValue;
import io.modyn.api.streams.ChangeRecord;
import io.modyn.api.streams.StreamRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeJsonTest {

    @Test
    void everyAttributeTypeIsWrittenInDynamoDbJson() {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        image.put("pk", new AttributeValue.S("a"));
        image.put("n", new AttributeValue.N(new BigDecimal("1.50")));
        image.put("b", new AttributeValue.B("hi".getBytes(StandardCharsets.UTF_8)));
        image.put("t", AttributeValue.Bool.TRUE);
        image.put("z", AttributeValue.Null.INSTANCE);
        image.put("l", new AttributeValue.L(List.of(new AttributeValue.S("x"), new AttributeValue.N(BigDecimal.ONE))));
        image.put("m", new AttributeValue.M(Map.of("k", new AttributeValue.S("v"))));
        image.put("ss", new AttributeValue.SS(List.of("s1")));
        image.put("ns", new AttributeValue.NS(List.of(new BigDecimal("2"))));
        image.put("bs", new AttributeValue.BS(List.of(new byte[] {1})));
        StreamRecord record = new StreamRecord(Instant.ofEpochSecond(1700000000), Map.of("pk", new AttributeValue.S("a")), image, null,
                "000000000000000000001", 42, "NEW_IMAGE");
        ChangeRecord change = new ChangeRecord("e1", "INSERT", "1.1", "aws:dynamodb", "us-east-1", record, null);

        String json = ChangeJson.of("orders", change).toString();

        assertEquals("{\"tableName\":\"orders\",\"eventID\":\"e1\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1700000000,"
                + "\"Keys\":{\"pk\":{\"S\":\"a\"}},\"SequenceNumber\":\"000000000000000000001\",\"SizeBytes\":42,"
                + "\"StreamViewType\":\"NEW_IMAGE\",\"NewImage\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"" + new AttributeValue.N(new BigDecimal("1.50")).text()
                + "\"},\"b\":{\"B\":\"aGk=\"},\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"l\":{\"L\":[{\"S\":\"x\"},{\"N\":\"1\"}]},"
                + "\"m\":{\"M\":{\"k\":{\"S\":\"v\"}}},\"ss\":{\"SS\":[\"s1\"]},\"ns\":{\"NS\":[\"2\"]},\"bs\":{\"BS\":[\"AQ==\"]}}}}", json);
    }
}
