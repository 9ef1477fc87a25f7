package io.modyn.auth.iam.iam;

import io.modyn.auth.iam.identity.AccessKey;
import io.modyn.auth.iam.identity.IamUser;
import io.modyn.auth.iam.query.QueryXmlWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** IAM's XML shapes: {@code User}, {@code Tags}, access key metadata, in AWS's member order, dates in ISO 8601 UTC. */
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
