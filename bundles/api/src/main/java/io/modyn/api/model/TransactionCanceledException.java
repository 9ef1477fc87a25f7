package io.modyn.api.model;

import java.util.List;

/**
 * A TransactWriteItems or TransactGetItems that was cancelled: one reason per action, in request
 * order, as DynamoDB reports them in {@code CancellationReasons}.
 */
public class TransactionCanceledException extends DynamoException {

    private static final long serialVersionUID = 1L;

    private final transient List<CancellationReason> reasons;

    public TransactionCanceledException(List<CancellationReason> reasons) {
        super(ErrorType.TRANSACTION_CANCELED, message(reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
        return reasons;
    }

    /** DynamoDB's message: "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]". */
    private static String message(List<CancellationReason> reasons) {
        return "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(CancellationReason::code).toList();
    }
}
