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

    /** The daily data flow to the department (returns.md section 2): off until a council configures its receiver. */
    DataFlow dataFlow();

    interface DataFlow {
        /** Whether runs queue records and the sender sends them. */
        @WithDefault("false")
        boolean enabled();

        /** The receiver's base URL; records go to {@code {base}/children_social_care_data/{la_number}/children}. */
        java.util.Optional<String> baseUrl();

        /** The OAuth 2.0 token endpoint (client credentials grant). */
        java.util.Optional<String> tokenUrl();

        java.util.Optional<String> clientId();

        java.util.Optional<String> clientSecret();

        java.util.Optional<String> scope();

        /** The subscription key the department's portal gives, sent as {@code SupplierKey}. */
        java.util.Optional<String> supplierKey();

        /** When the daily run happens (a cron expression; {@code off} for on demand only): read by {@link DataFlowRuns}. */
        @WithDefault("0 30 1 * * ?")
        String cron();

        /** How often queued calls are sent: read by {@link DataFlowSender}'s schedule. */
        @WithDefault("10s")
        String sendInterval();

        /** At most this many records a call (the receiver takes 100). */
        @WithDefault("100")
        int recordsPerCall();

        /** The first wait before sending a call again after a failure; it doubles, to at most an hour. */
        @WithDefault("PT10S")
        Duration firstRetry();
    }

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
