/**
 * Per-request compilation: resolves names and values into a syntax tree, makes the checks that need
 * them, in DynamoDB's order, and builds the runnable form ({@code eval}, {@code update}).
 */
package io.modyn.engine.expr.compile;
