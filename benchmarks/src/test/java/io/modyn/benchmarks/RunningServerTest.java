package io.modyn.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RunningServerTest {

    @Test
    void compareTakesNameUrlAndPid() {
        RunningServer server = RunningServer.parse("DynamoDB Local 2.6=http://127.0.0.1:8002@4242");
        assertEquals("DynamoDB Local 2.6", server.name());
        assertEquals("127.0.0.1:8002", server.host());
        assertEquals(4242, server.pid());
        assertFalse(server.restartable());
    }

    @Test
    void aSpecificationWithoutPidOrPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RunningServer.parse("x=http://127.0.0.1:8002"));
        assertThrows(IllegalArgumentException.class, () -> RunningServer.parse("x=http://127.0.0.1@12"));
        assertThrows(IllegalArgumentException.class, () -> RunningServer.parse("http://127.0.0.1:8002@12"));
    }
}
