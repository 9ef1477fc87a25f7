package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.AccessKey;
import io.modyn.auth.iam.identity.IamGroup;
import io.modyn.auth.iam.identity.IamRole;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** IAM's XML shapes: {@code User}, {@code Group}, {@code Role}, {@code Tags}, access key metadata, in AWS's member order, dates in ISO 8601 UTC. */
final class IamXml {

    private IamXml() {
    }

    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The members of a User (Path, UserName, UserId, Arn, CreateDate, then Tags when asked for and present). */
    static void userMembers(QueryXmlWriter xml, IamUser user, String accountId, boolean withTags) {
        xml.element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.userId())
                .element("Arn", user.arn(accountId))
                .element("CreateDate", date(user.createDate()));
        if (withTags && !user.tags().isEmpty()) {
            tags(xml, user.tags());
        }
    }

    /** The members of a Group: Path, GroupName, GroupId, Arn, CreateDate. */
    static void groupMembers(QueryXmlWriter xml, IamGroup group, String accountId) {
        xml.element("Path", group.path())
                .element("GroupName", group.name())
                .element("GroupId", group.groupId())
                .element("Arn", group.arn(accountId))
                .element("CreateDate", date(group.createDate()));
    }

    /**
     * The members of a Role: Path, RoleName, RoleId, Arn, CreateDate, AssumeRolePolicyDocument
     * (URL-encoded, as IAM returns policy documents), Description, MaxSessionDuration; with
     * {@code full} (GetRole, CreateRole) also its Tags and RoleLastUsed, which ListRoles leaves out.
     */
    static void roleMembers(QueryXmlWriter xml, IamRole role, String accountId, boolean full) {
        xml.element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn(accountId))
                .element("CreateDate", date(role.createDate()))
                .element("AssumeRolePolicyDocument", urlEncode(role.assumeRolePolicyDocument()))
                .element("Description", role.description())
                .element("MaxSessionDuration", Integer.toString(role.maxSessionDuration()));
        if (full) {
            if (!role.tags().isEmpty()) tags(xml, role.tags());
            xml.start("RoleLastUsed").end();
        }
    }

    /** RFC 3986 percent-encoding of UTF-8 (a space is {@code %20}), as IAM encodes policy documents. */
    static String urlEncode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() * 2);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    static void tags(QueryXmlWriter xml, Map<String, String> tags) {
        xml.start("Tags");
        tags.forEach((key, value) -> xml.start("member").element("Key", key).element("Value", value).end());
        xml.end();
    }

    /** The members of AccessKeyMetadata: UserName, AccessKeyId, Status, CreateDate. */
    static void accessKeyMetadata(QueryXmlWriter xml, AccessKey key) {
        xml.element("UserName", key.userName())
                .element("AccessKeyId", key.accessKeyId())
                .element("Status", key.status())
                .element("CreateDate", date(key.createDate()));
    }

    static void truncation(QueryXmlWriter xml, Page<?> page) {
        xml.element("IsTruncated", Boolean.toString(page.truncated()));
        if (page.truncated()) xml.element("Marker", page.nextMarker());
    }
}
