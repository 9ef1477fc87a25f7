package io.modyn.engine.ttl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB's rule for expired items. */
class ExpirationTest {

    private static final BigDecimal NOW = new BigDecimal("1700000000");
    private static final long FIVE_YEARS = 5L * 365 * 24 * 60 * 60;

    @Test
    void aNumberInThePastExpires() {
        assertTrue(expired(AttributeValue.n("1699999940")));
        assertTrue(expired(AttributeValue.n("169999994e1")));
        assertTrue(expired(AttributeValue.n("1699999999.5")));
    }

    @Test
    void nowAndTheFutureDoNotExpire() {
        assertFalse(expired(AttributeValue.n("1700000000")));
        assertFalse(expired(AttributeValue.n("1700000000.001")));
        assertFalse(expired(AttributeValue.n("1800000000")));
    }

    @Test
    void aTimeFiveYearsOrMoreInThePastIsTakenForAMistake() {
        assertTrue(expired(AttributeValue.n(String.valueOf(NOW.longValue() - FIVE_YEARS + 1))));
        assertFalse(expired(AttributeValue.n(String.valueOf(NOW.longValue() - FIVE_YEARS))));
        assertFalse(expired(AttributeValue.n("162777600")));
    }

    @Test
    void onlyNumbersExpire() {
        assertFalse(expired(AttributeValue.s("1699999940")));
        assertFalse(expired(new AttributeValue.NS(List.of(new BigDecimal("1699999940")))));
        assertFalse(expired(new AttributeValue.L(List.of(AttributeValue.n("1699999940")))));
        assertFalse(Expiration.isExpired(Map.of("other", AttributeValue.n("1699999940")), "expires", NOW));
    }

    private static boolean expired(AttributeValue expiry) {
        return Expiration.isExpired(Map.of("expires", expiry), "expires", NOW);
    }
}
