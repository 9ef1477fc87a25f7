/**
 * Turns a parsed statement, its parameters and its table into the engine request that runs it:
 * values are bound, WHERE clauses split into key equalities and conditions, and the rest written
 * as DynamoDB expression text.
 */
package io.modyn.engine.partiql.plan;
