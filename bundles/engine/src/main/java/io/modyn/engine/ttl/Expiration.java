package io.modyn.engine.ttl;

import io.modyn.api.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's rule for when an item has expired: its TTL attribute is a Number holding a time in
 * epoch seconds (fractions allowed) that is before now, but less than five years before now (an
 * older time is taken for a malformed value, in milliseconds say, and never expires the item).
 * Any other type (a String, a set, a map of times) never expires an item.
 */
public final class Expiration {

    /** Five years of 365 days; DynamoDB states the limit in years only. */
    private static final BigDecimal FIVE_YEARS_IN_SECONDS = BigDecimal.valueOf(5L * 365 * 24 * 60 * 60);

    private Expiration() {
    }

    public static boolean isExpired(Map<String, AttributeValue> item, String ttlAttribute, BigDecimal nowEpochSeconds) {
        if (!(item.get(ttlAttribute) instanceof AttributeValue.N expiry)) return false;
        BigDecimal time = expiry.value();
        return time.compareTo(nowEpochSeconds) < 0 && nowEpochSeconds.subtract(time).compareTo(FIVE_YEARS_IN_SECONDS) < 0;
    }
}
