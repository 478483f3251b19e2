package io.orderflow.deploy;

import java.util.regex.Pattern;

/** The one rule for image references in manifests and Dockerfiles: pinned, never "latest". */
final class Images {

    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    /** A tag that names a version: starts with a digit ("0.1.0", "17.0.13_11-jre"). */
    private static final Pattern VERSION_TAG = Pattern.compile("[0-9][A-Za-z0-9_.-]*");

    private Images() {}

    /** Why {@code image} is not pinned, or null when it is (by digest or by a version tag). */
    static String problem(String image) {
        if (image == null || image.isBlank()) {
            return "no image";
        }
        if (DIGEST.matcher(image).matches()) {
            return null;
        }
        if (image.contains("@")) {
            return "a digest must be sha256:<64 hex>";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash + 1) {
            return "no tag (means latest)";
        }
        String tag = image.substring(colon + 1);
        return VERSION_TAG.matcher(tag).matches() ? null : "tag '" + tag + "' is not a version";
    }
}
