/**
 * PartiQL for DynamoDB: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction.
 *
 * <p>A statement is lexed and parsed by a hand-written recursive-descent parser ({@code parse})
 * into a syntax tree ({@code ast}), then planned ({@code plan}) onto the engine's own operations:
 * a SELECT becomes a GetItem, Query or Scan, an INSERT a PutItem guarded by
 * {@code attribute_not_exists}, an UPDATE an UpdateItem, a DELETE a DeleteItem, a transaction a
 * TransactWriteItems or TransactGetItems. WHERE clauses and SET values are written as DynamoDB
 * expressions over generated {@code #name}/{@code :value} placeholders, so the expression parser,
 * type checks, evaluator, capacity accounting, index and stream maintenance are the ones every
 * other operation uses; nothing of DynamoDB's item semantics is implemented twice. PartiQL is
 * authorized as PartiQL ({@code dynamodb:PartiQLSelect}, ...), and the planned operation then
 * runs with that decision made.
 */
package io.modyn.engine.partiql;
