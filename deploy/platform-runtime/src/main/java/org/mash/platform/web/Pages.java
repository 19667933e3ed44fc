package org.mash.platform.web;

/** Where the pages live: every service serves its screens under {@code /ui/} and its API under {@code /api/}. */
public final class Pages {

    public static final String ROOT = "/ui";

    private Pages() {
    }

    public static boolean isPage(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }
}
