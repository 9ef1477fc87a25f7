package io.modyn.engine.operation;

import io.modyn.engine.validation.RequestCheckFailure;

/** The ReturnValues choices of PutItem and DeleteItem, which accept only NONE and ALL_OLD. */
final class ReturnValues {

    private ReturnValues() {
    }

    static void checkAllOldOrNone(String returnValues) {
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw RequestCheckFailure.of("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    static boolean isAllOld(String returnValues) {
        return "ALL_OLD".equals(returnValues);
    }
}
