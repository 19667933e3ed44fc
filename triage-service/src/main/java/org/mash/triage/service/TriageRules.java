package org.mash.triage.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.Map;
import org.mash.platform.codes.CodeList;
import org.mash.platform.time.WorkingDays;
import org.mash.triage.domain.ChildRef;
import org.mash.triage.domain.DecisionPolicy;
import org.mash.triage.domain.DecisionTargets;
import org.mash.triage.domain.PartnerChecks;
import org.mash.triage.domain.Rag;

/** The domain rules, built once from configuration. */
@ApplicationScoped
public class TriageRules {

    private final DecisionTargets targets;
    private final DecisionPolicy decisions;
    private final ChildRef childRef;
    private final ZoneId zone;
    private final PartnerChecks checks;
    private final boolean levelOfNeedRequiredForReferral;

    public TriageRules(TriageConfig config) {
        this.zone = ZoneId.of(config.zone());
        this.targets = new DecisionTargets(Map.of(Rag.RED, config.targets().red(), Rag.AMBER, config.targets().amber(),
                Rag.GREEN, config.targets().green()), WorkingDays.englandAndWales(), zone);
        this.decisions = new DecisionPolicy(CodeList.load("primary-need")::contains);
        this.childRef = new ChildRef(config.pseudonymKey());
        this.levelOfNeedRequiredForReferral = config.levelOfNeedRequiredForReferral();
        this.checks = new PartnerChecks(Map.of(Rag.RED, config.checkTargets().red(),
                Rag.AMBER, config.checkTargets().amber(), Rag.GREEN, config.checkTargets().green()));
    }

    public DecisionTargets targets() {
        return targets;
    }

    public DecisionPolicy decisions() {
        return decisions;
    }

    public ChildRef childRef() {
        return childRef;
    }

    public PartnerChecks checks() {
        return checks;
    }

    public boolean levelOfNeedRequiredForReferral() {
        return levelOfNeedRequiredForReferral;
    }

    public ZoneId zone() {
        return zone;
    }
}
