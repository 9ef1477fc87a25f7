/**
 * Resource-based policies of tables and streams (PutResourcePolicy, GetResourcePolicy,
 * DeleteResourcePolicy, CreateTable's ResourcePolicy): which resource an ARN names, the checks
 * DynamoDB makes on a policy document, and where policies are stored. Whether a policy allows a
 * request is the authorizer's business; the engine only hands it the stored document.
 */
package io.modyn.engine.policy;
