/** The IAM API (users, access keys, tags, groups, roles, policies) served through the wire protocol's handler extension point. */
package io.modyn.auth.iam.iam;
