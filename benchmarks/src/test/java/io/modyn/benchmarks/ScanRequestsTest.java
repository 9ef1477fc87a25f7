package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanRequestsTest {

    @Test
    void theLastEvaluatedKeyIsTheBalancedObjectAfterItsName() {
        String key = "{\"pk\":{\"S\":\"p{0}\\\"x\"},\"sk\":{\"N\":\"3\"}}";
        byte[] body = ("{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"a\"}}],\"LastEvaluatedKey\":" + key + ",\"ScannedCount\":1}")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(key, ScanRequests.lastEvaluatedKey(body, body.length));
    }

    @Test
    void theLastPageHasNoKey() {
        byte[] body = "{\"Count\":0,\"Items\":[],\"ScannedCount\":0}".getBytes(StandardCharsets.UTF_8);
        assertNull(ScanRequests.lastEvaluatedKey(body, body.length));
    }

    @Test
    void bytesBeyondTheLengthAreIgnored() {
        byte[] body = "{\"Items\":[]}\"LastEvaluatedKey\":{\"pk\":{}}".getBytes(StandardCharsets.UTF_8);
        assertNull(ScanRequests.lastEvaluatedKey(body, 12));
    }
}
