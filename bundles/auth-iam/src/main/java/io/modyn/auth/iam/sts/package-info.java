/** The STS API (GetCallerIdentity) served through the wire protocol's handler extension point. */
package io.modyn.auth.iam.sts;
