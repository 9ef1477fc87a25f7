/** Applying compiled updates to items: the update actions, number and set arithmetic, the editable document. */
package io.modyn.engine.expr.update;
