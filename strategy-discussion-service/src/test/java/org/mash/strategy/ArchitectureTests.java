package org.mash.strategy;

import org.junit.jupiter.api.Test;
import org.mash.platform.testing.ArchitectureRules;

/** The service keeps the shape of every service: no package cycles, a plain-Java domain, contracts that depend on nothing, consumers in messaging. */
class ArchitectureTests {

    @Test
    void theServiceKeepsItsShape() {
        ArchitectureRules.check("org.mash.strategy");
    }
}
