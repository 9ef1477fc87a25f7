/** The STS API (GetCallerIdentity, GetSessionToken, AssumeRole) served through the wire protocol's handler extension point. */
package io.modyn.auth.iam.sts;
