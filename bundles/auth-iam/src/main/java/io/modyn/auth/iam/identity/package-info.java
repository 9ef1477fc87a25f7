/**
 * IAM users and access keys, groups with their members, roles, and policies, in a system keyspace
 * of the storage SPI, secrets sealed under the server key; the parsed policies of a principal for
 * the authorizer.
 */
package io.modyn.auth.iam.identity;
