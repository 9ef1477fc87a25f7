/** The syntax tree of DynamoDB expressions, as parsed, before names and values are resolved. */
package io.modyn.engine.expr.ast;
