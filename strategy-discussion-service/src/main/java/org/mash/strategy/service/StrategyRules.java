package org.mash.strategy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mash.platform.time.WorkingDays;
import org.mash.platform.codes.CodeList;
import java.util.Map;
import org.mash.strategy.domain.ConveningTarget;
import org.mash.strategy.domain.Rag;
import org.mash.strategy.domain.S47Conclusion;
import org.mash.strategy.domain.Section47;

/** The domain's time rules, on the England and Wales working-day calendar, with the configured targets. */
@ApplicationScoped
public class StrategyRules {

    @Produces
    @Singleton
    ConveningTarget conveningTarget(
            @ConfigProperty(name = "mash.strategy.convening.red-working-days", defaultValue = "0") int red,
            @ConfigProperty(name = "mash.strategy.convening.amber-working-days", defaultValue = "1") int amber,
            @ConfigProperty(name = "mash.strategy.convening.green-working-days", defaultValue = "1") int green) {
        return new ConveningTarget(WorkingDays.englandAndWales(), Map.of(Rag.RED, red, Rag.AMBER, amber, Rag.GREEN, green));
    }

    @Produces
    @Singleton
    S47Conclusion s47Conclusion() {
        return new S47Conclusion(CodeList.load("s47-outcome")::contains);
    }

    @Produces
    @Singleton
    Section47 section47(@ConfigProperty(name = "mash.strategy.icpc-working-days", defaultValue = "15") int icpcWorkingDays) {
        return new Section47(WorkingDays.englandAndWales(), icpcWorkingDays);
    }
}
