/** Compiled conditions and DynamoDB's rules for comparing attribute values. */
package io.modyn.engine.expr.eval;
