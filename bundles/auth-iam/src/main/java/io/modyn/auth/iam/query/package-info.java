/**
 * The AWS Query protocol (form-encoded requests, XML answers and errors) shared by the STS and
 * IAM APIs: parameter decoding, XML writing, error codes, and the handler that runs actions.
 */
package io.modyn.auth.iam.query;
