package org.mash.strategy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.mash.platform.testing.KafkaTestBroker;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.platform.testing.TestTokens;

/** The real infrastructure every @QuarkusTest of this service runs against: its own database, a Kafka broker,
 * and signed bearer tokens verified by the OIDC extension. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "name", value = "mash_strategy"))
@QuarkusTestResource(KafkaTestBroker.class)
@QuarkusTestResource(TestTokens.class)
public final class StrategyTestResources {
    private StrategyTestResources() {
    }
}
