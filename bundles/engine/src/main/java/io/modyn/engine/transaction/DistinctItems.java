package io.modyn.engine.transaction;

import io.modyn.api.model.DynamoException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A transaction names each item at most once, reads as well as writes: DynamoDB refuses
 * TransactWriteItems and TransactGetItems alike when two actions share a table and key, before any
 * item is read.
 */
public final class DistinctItems {

    private DistinctItems() {
    }

    public static void check(List<ItemRef> refs) {
        Set<ItemRef> seen = new HashSet<>();
        for (ItemRef ref : refs) {
            if (!seen.add(ref)) throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
        }
    }
}
