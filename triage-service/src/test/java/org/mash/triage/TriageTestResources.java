package org.mash.triage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.mash.platform.testing.KafkaTestBroker;
import org.mash.platform.testing.PostgresTestDatabase;
import org.mash.platform.testing.TestTokens;

/** The real infrastructure every @QuarkusTest of this service runs against: its own database, a Kafka broker,
 * signed bearer tokens verified by the OIDC extension, and a stand-in for the department's data flow receiver. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "name", value = "mash_triage"))
@QuarkusTestResource(KafkaTestBroker.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(DataFlowReceiver.class)
public final class TriageTestResources {
    private TriageTestResources() {
    }
}
