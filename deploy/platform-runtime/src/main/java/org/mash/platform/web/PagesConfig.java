package org.mash.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where each service's pages are, for the links between them (every service serves the pages of the data it owns).
 * The defaults are the local stack's; a deployment sets {@code MASH_PAGES_TRIAGE_URL} and the like.
 */
@ConfigMapping(prefix = "mash.pages")
public interface PagesConfig {

    @WithDefault("http://localhost:8081")
    String contactsUrl();

    @WithDefault("http://localhost:8082")
    String triageUrl();

    @WithDefault("http://localhost:8083")
    String strategyUrl();

    @WithDefault("http://localhost:8084")
    String metricsUrl();

    /** The zone the pages show times in (the hub's). */
    @WithDefault("Europe/London")
    java.time.ZoneId zone();
}
