/**
 * Expression text to syntax trees: the lexer, one recursive-descent grammar per expression kind,
 * DynamoDB's syntax-error message, and the cache of parsed expressions.
 */
package io.modyn.engine.expr.parse;
