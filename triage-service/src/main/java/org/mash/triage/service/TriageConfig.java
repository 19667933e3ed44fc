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

    /** When a partner agency's answer to an information check is due, from the request, by the case's RAG. */
    CheckTargets checkTargets();

    /** Whether a referral (CSC_ASSESSMENT, STRATEGY_DISCUSSION) needs a recorded level of need (see LevelOfNeed). */
    @WithDefault("false")
    @io.smallrye.config.WithName("level-of-need.required-for-referral")
    boolean levelOfNeedRequiredForReferral();

    /** How often to look for cases past their due time (read by {@link OverdueWatch}'s schedule). */
    @WithDefault("30s")
    String overdueCheck();

    /** The statutory returns: the Children in Need census (see {@link CensusExport}). */
    Returns returns();

    interface Returns {
        /**
         * The council's three-digit DfE local authority number: the census's {@code LEA} and the data flow's
         * {@code la_code}. Set per installation ({@code MASH_LA_NUMBER}); no default outside dev and test.
         */
        @jakarta.validation.constraints.Pattern(regexp = "[0-9]{3}", message = "is the council's 3-digit DfE number")
        String laNumber();

        /** The census header's software code: this system. */
        @WithDefault("MASH")
        String softwareCode();

        /** The census header's release: this system's release. */
        @WithDefault("${quarkus.application.version:1.0}")
        String release();
    }

    interface Targets {
        @WithDefault("PT4H")
        Duration red();

        @WithDefault("PT24H")
        Duration amber();

        @WithDefault("PT72H")
        Duration green();
    }

    /** Defaults: RED 2 h, AMBER 8 h, GREEN 24 h (see {@link org.mash.triage.domain.PartnerChecks}). */
    interface CheckTargets {
        @WithDefault("PT2H")
        Duration red();

        @WithDefault("PT8H")
        Duration amber();

        @WithDefault("PT24H")
        Duration green();
    }
}
