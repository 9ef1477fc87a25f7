package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.ManagedPolicy;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * IAM's XML shapes for policies: {@code Policy} and {@code PolicyVersion} in AWS's member order,
 * and policy documents URL-encoded as IAM returns them (RFC 3986: a space is {@code %20}, not
 * {@code +}, since the AWS CLI decodes with {@code unquote}).
 */
final class PolicyXml {

    private PolicyXml() {
    }

    static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The members of a Policy. ListPolicies leaves out Description and Tags; CreatePolicy and
     * GetPolicy have them when present.
     */
    static void policyMembers(QueryXmlWriter xml, ManagedPolicy policy, String accountId, boolean full) {
        xml.element("PolicyName", policy.name())
                .element("DefaultVersionId", policy.defaultVersionId())
                .element("PolicyId", policy.policyId())
                .element("Path", policy.path())
                .element("Arn", policy.arn(accountId))
                .element("AttachmentCount", Integer.toString(policy.attachmentCount()))
                .element("PermissionsBoundaryUsageCount", "0")
                .element("IsAttachable", "true");
        if (full) xml.element("Description", policy.description());
        xml.element("CreateDate", IamXml.date(policy.createDate()))
                .element("UpdateDate", IamXml.date(policy.updateDate()));
        if (full && !policy.tags().isEmpty()) IamXml.tags(xml, policy.tags());
    }

    /** The members of a PolicyVersion: Document (when asked for), VersionId, IsDefaultVersion, CreateDate. */
    static void versionMembers(QueryXmlWriter xml, ManagedPolicy.Version version, boolean isDefault, boolean withDocument) {
        if (withDocument) xml.element("Document", encode(version.document()));
        xml.element("VersionId", version.versionId())
                .element("IsDefaultVersion", Boolean.toString(isDefault))
                .element("CreateDate", IamXml.date(version.createDate()));
    }
}
