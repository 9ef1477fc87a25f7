package io.modyn.engine.partiql.ast;

/** The target of a statement: {@code "table"} or {@code "table"."index"}; {@code index} is null for the table. */
public record TableRef(String table, String index) {
}
