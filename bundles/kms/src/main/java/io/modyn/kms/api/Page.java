package io.modyn.kms.api;

import io.modyn.api.crypto.KeyManagerException;
import io.modyn.kms.keys.KmsErrors;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a KMS list (ListKeys, ListAliases, ListResourceTags, ListKeyRotations,
 * ListKeyPolicies), as KMS pages: at most {@code Limit} items, and while more follow
 * {@code Truncated: true} with a {@code NextMarker} to send as {@code Marker} for the next page.
 * A marker holds the sort key of the page's last item (opaque to clients), so a page starts after
 * that item even when items were added or removed meanwhile.
 *
 * @param items the page's items
 * @param nextMarker the marker of the next page, or null on the last page
 */
record Page<T>(List<T> items, String nextMarker) {

    private static final String MARKER_PREFIX = "modyn1:";

    /**
     * @param all every item, in ascending order of {@code sortKey}
     * @param body the request, for its {@code Limit} and {@code Marker}
     * @param maxLimit the largest {@code Limit} the action accepts
     * @param defaultLimit the page size without {@code Limit}
     */
    static <T> Page<T> of(List<T> all, JsonObject body, int maxLimit, int defaultLimit, Function<T, String> sortKey) {
        return of(all, body, maxLimit, defaultLimit, sortKey, true);
    }

    /**
     * @param markerChecked whether a marker this server did not issue is InvalidMarkerException;
     *        ListKeyPolicies declares no such error (its one policy never needs a second page), so
     *        there a foreign marker is ignored
     */
    static <T> Page<T> of(List<T> all, JsonObject body, int maxLimit, int defaultLimit, Function<T, String> sortKey,
                          boolean markerChecked) {
        Integer limit = RequestMembers.integer(body, "Limit");
        if (limit != null && limit < 1) {
            throw KmsErrors.constraint(limit, "limit", "Member must have value greater than or equal to 1");
        }
        if (limit != null && limit > maxLimit) {
            throw KmsErrors.constraint(limit, "limit", "Member must have value less than or equal to " + maxLimit);
        }
        int size = limit == null ? defaultLimit : limit;
        String marker = RequestMembers.string(body, "Marker", "marker", false);
        int start = 0;
        String after = marker == null ? null : decode(marker);
        if (after == null && marker != null && markerChecked) {
            throw new KeyManagerException("InvalidMarkerException",
                    "The request was rejected because the marker that specifies where pagination should next begin is not valid.");
        }
        if (after != null) {
            while (start < all.size() && sortKey.apply(all.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(all.size(), start + size);
        String next = end < all.size() ? encode(sortKey.apply(all.get(end - 1))) : null;
        return new Page<>(all.subList(start, end), next);
    }

    /** Adds {@code Truncated} and, when truncated, {@code NextMarker} to an answer. */
    JsonObjectBuilder answer(JsonObjectBuilder answer) {
        answer.add("Truncated", nextMarker != null);
        if (nextMarker != null) {
            answer.add("NextMarker", nextMarker);
        }
        return answer;
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARKER_PREFIX + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key a marker of ours holds; null for any other text. */
    private static String decode(String marker) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return text.startsWith(MARKER_PREFIX) ? text.substring(MARKER_PREFIX.length()) : null;
    }
}
