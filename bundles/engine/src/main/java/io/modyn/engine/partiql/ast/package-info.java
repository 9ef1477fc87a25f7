/** The syntax tree of PartiQL for DynamoDB statements, as parsed, before parameters are bound. */
package io.modyn.engine.partiql.ast;
