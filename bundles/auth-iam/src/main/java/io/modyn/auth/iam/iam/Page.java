package io.modyn.auth.iam.iam;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, as IAM pages: at most {@code MaxItems} entries, {@code IsTruncated}, and
 * an opaque {@code Marker} to pass for the next page. Our marker is the last entry's key (base64),
 * so a page after a change starts at the right place even if entries came or went.
 */
record Page<T>(List<T> items, boolean truncated, String nextMarker) {

    static <T> Page<T> of(List<T> all, Function<T, String> key, String marker, int maxItems) {
        int start = 0;
        if (marker != null) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw IamErrors.validation("Invalid Marker.");
            }
            while (start < all.size() && key.apply(all.get(start)).compareTo(after) <= 0) start++;
        }
        int end = Math.min(all.size(), start + maxItems);
        List<T> items = all.subList(start, end);
        boolean truncated = end < all.size();
        String next = truncated ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(items, truncated, next);
    }
}
