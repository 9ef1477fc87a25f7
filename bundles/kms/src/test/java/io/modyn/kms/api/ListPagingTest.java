package io.modyn.kms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modyn.api.storage.memory.InMemoryStorageEngine;
import io.modyn.kms.api.ApiCaller.Answer;
import io.modyn.kms.keys.KeyService;
import io.modyn.kms.keys.KeyStore;
import io.modyn.kms.keys.TestRootKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Limit, Truncated, NextMarker and Marker on every KMS list, as KMS pages. */
class ListPagingTest {

    private final ApiCaller api;

    ListPagingTest() {
        KeyStore store = new KeyStore(new InMemoryStorageEngine(), new TestRootKey());
        store.open();
        api = new ApiCaller(new KmsApi(new KeyService(store, "us-east-1", "000000000000", Clock.systemUTC())));
    }

    @Test
    void listKeysPagesThroughEveryKeyOnceAndTheLastPageIsNotTruncated() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.call("CreateKey", "{}").body().getJsonObject("KeyMetadata").getString("KeyId"));
        }
        List<String> seen = pageThrough("ListKeys", "", "Keys", 2, key -> key.getString("KeyId"), 3);
        assertEquals(created.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(5, api.call("ListKeys", "{}").body().getJsonArray("Keys").size(), "the default page holds 100");
    }

    @Test
    void listAliasesTagsAndRotationsPageTheSameWay() {
        String keyId = api.call("CreateKey", "{\"Tags\":[{\"TagKey\":\"a\",\"TagValue\":\"1\"},{\"TagKey\":\"b\",\"TagValue\":\"2\"},"
                + "{\"TagKey\":\"c\",\"TagValue\":\"3\"}]}").body().getJsonObject("KeyMetadata").getString("KeyId");
        for (String alias : List.of("alias/x", "alias/y", "alias/z")) {
            api.call("CreateAlias", "{\"AliasName\":\"" + alias + "\",\"TargetKeyId\":\"" + keyId + "\"}");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.call("RotateKeyOnDemand", "{\"KeyId\":\"" + keyId + "\"}").status());
        }
        String ofKey = "\"KeyId\":\"" + keyId + "\",";

        assertEquals(List.of("alias/x", "alias/y", "alias/z"), pageThrough("ListAliases", "", "Aliases", 2, a -> a.getString("AliasName"), 2));
        assertEquals(List.of("a", "b", "c"), pageThrough("ListResourceTags", ofKey, "Tags", 1, t -> t.getString("TagKey"), 3));
        assertEquals(3, pageThrough("ListKeyRotations", ofKey, "Rotations", 2, r -> r.getJsonNumber("RotationDate").toString(), 2).size());
        assertEquals(List.of("default"), pageThroughStrings("ListKeyPolicies", ofKey, "PolicyNames", 1));
    }

    @Test
    void limitsOutOfRangeAndForeignMarkersAreRefused() {
        assertLimit("ListKeys", "", 0, "Member must have value greater than or equal to 1");
        assertLimit("ListKeys", "", 1001, "Member must have value less than or equal to 1000");
        assertLimit("ListAliases", "", 101, "Member must have value less than or equal to 100");
        String keyId = api.call("CreateKey", "{}").body().getJsonObject("KeyMetadata").getString("KeyId");
        assertLimit("ListResourceTags", "\"KeyId\":\"" + keyId + "\",", 51, "Member must have value less than or equal to 50");

        Answer marker = api.call("ListKeys", "{\"Marker\":\"not-a-marker\"}");
        assertEquals("InvalidMarkerException", marker.type());
        assertEquals("The request was rejected because the marker that specifies where pagination should next begin is not valid.",
                marker.message());
        assertEquals("InvalidMarkerException", api.call("ListAliases", "{\"Marker\":\"bm9wZQ\"}").type());
    }

    private void assertLimit(String action, String members, int limit, String constraint) {
        Answer answer = api.call(action, "{" + members + "\"Limit\":" + limit + "}");
        assertEquals("ValidationException", answer.type(), action);
        assertEquals("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: " + constraint, answer.message());
    }

    private List<String> pageThrough(String action, String members, String list, int limit, Function<JsonObject, String> item, int pages) {
        List<String> seen = new ArrayList<>();
        for (JsonValue value : pageValues(action, members, list, limit, pages)) {
            seen.add(item.apply(value.asJsonObject()));
        }
        return seen;
    }

    private List<String> pageThroughStrings(String action, String members, String list, int limit) {
        return pageValues(action, members, list, limit, 1).stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }

    private List<JsonValue> pageValues(String action, String members, String list, int limit, int pages) {
        List<JsonValue> all = new ArrayList<>();
        String marker = null;
        for (int page = 1; ; page++) {
            Answer answer = api.call(action, "{" + members + "\"Limit\":" + limit + (marker == null ? "" : ",\"Marker\":\"" + marker + "\"") + "}");
            assertEquals(200, answer.status(), answer.body().toString());
            List<JsonValue> items = answer.body().getJsonArray(list);
            assertTrue(items.size() <= limit);
            all.addAll(items);
            if (!answer.body().getBoolean("Truncated")) {
                assertFalse(answer.body().containsKey("NextMarker"), "no NextMarker on the last page");
                assertEquals(pages, page, action + " pages");
                return all;
            }
            marker = answer.body().getString("NextMarker");
        }
    }
}
