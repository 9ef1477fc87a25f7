package io.modyn.api.dynamodb;

/** One action of TransactWriteItems: exactly one member is set (the engine checks). */
public record TransactWriteItem(TransactConditionCheck conditionCheck, TransactPut put, TransactDelete delete, TransactUpdate update) {
}
