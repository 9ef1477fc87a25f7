/** Projecting items onto document paths (ProjectionExpression, AttributesToGet, UPDATED_OLD/NEW). */
package io.modyn.engine.expr.projection;
