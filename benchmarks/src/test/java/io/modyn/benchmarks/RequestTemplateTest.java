package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

    private final Dataset dataset = new Dataset("t", 1024, 1000, 100);

    @Test
    void slotsArePatchedInPlaceAndContentLengthMatchesTheBody() {
        RequestTemplate template = dataset.item(RequestTemplate.builder("PutItem").text("{\"TableName\":\"t\",\"Item\":")).text("}").build("h:1");
        template.setDigits(0, 42);
        template.setDigits(1, 7);
        template.fillRandom(2);
        String body = template.body();
        assertTrue(body.startsWith("{\"TableName\":\"t\",\"Item\":{\"pk\":{\"S\":\"p0000000042\"},\"sk\":{\"N\":\"7\"},\"v\":{\"S\":\""), body);
        String request = new String(template.bytes(), StandardCharsets.UTF_8);
        assertTrue(request.contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"), request);
        assertTrue(request.contains("X-Amz-Target: DynamoDB_20120810.PutItem\r\n"));
    }

    @Test
    void theItemHasTheRequestedSizeByDynamoDbsRule() {
        RequestTemplate template = dataset.item(RequestTemplate.builder("PutItem").text("")).build("h:1");
        template.fillRandom(2);
        String body = template.body();
        String payload = body.substring(body.indexOf("\"v\":{\"S\":\"") + 10, body.lastIndexOf("\"}}"));
        // names pk, sk, v; values "p" + 10 digits, a one-digit number (2 bytes), the payload
        assertEquals(1024, 2 + 11 + 2 + 2 + 1 + payload.length());
        assertTrue(payload.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'), payload);
    }

    @Test
    void randomPayloadsDifferFromRequestToRequest() {
        RequestTemplate template = dataset.item(RequestTemplate.builder("PutItem").text("")).build("h:1");
        template.fillRandom(2);
        String first = template.body();
        template.fillRandom(2);
        assertNotEquals(first, template.body());
    }
}
