package io.modyn.engine.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {

    @Test
    void defaultsAreDynamoDbs() {
        assertEquals(Duration.ofMinutes(15), StreamLimits.DYNAMODB.iteratorLifetime());
        assertEquals(Duration.ofHours(24), StreamLimits.DYNAMODB.retention());
    }

    @Test
    void retentionRunsEveryMinuteUnlessTheRetentionIsShorterThanTwoMinutes() {
        assertEquals(Duration.ofSeconds(60), StreamLimits.DYNAMODB.retentionPeriod());
        assertEquals(Duration.ofMillis(1500), new StreamLimits(Duration.ofSeconds(2), Duration.ofSeconds(3)).retentionPeriod());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StreamLimits(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new StreamLimits(Duration.ofSeconds(1), Duration.ofSeconds(-1)));
    }
}
