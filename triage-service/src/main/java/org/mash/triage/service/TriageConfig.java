package org.mash.triage.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The council's triage settings ({@code mash.triage.*} in application.properties). */
@ConfigMapping(prefix = "mash.triage")
public interface TriageConfig {

    /** The MASH's local time zone: working days and "same local time" are judged here. */
    @WithDefault("Europe/London")
    String zone();

    /** Key for pseudonymous child refs in events; set MASH_TRIAGE_PSEUDONYM_KEY in production. */
    String pseudonymKey();

    Targets targets();

    /** How often to look for cases past their due time (read by {@link OverdueWatch}'s schedule). */
    @WithDefault("30s")
    String overdueCheck();

    interface Targets {
        @WithDefault("PT4H")
        Duration red();

        @WithDefault("PT24H")
        Duration amber();

        @WithDefault("PT72H")
        Duration green();
    }
}
