/**
 * The checks on a syntax tree that depend on the text alone (unknown or misplaced functions,
 * reserved words, repeated clauses, size limits); their result is cached with the parse.
 */
package io.modyn.engine.expr.check;
