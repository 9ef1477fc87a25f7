/**
 * IAM users and access keys, groups with their members, and roles, in a system keyspace of the
 * storage SPI, secrets sealed under the server key.
 */
package io.modyn.auth.iam.identity;
