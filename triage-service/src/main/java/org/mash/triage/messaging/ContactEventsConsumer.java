package org.mash.triage.messaging;

import org.mash.triage.events.ContactAmended;
import org.mash.triage.events.ContactReceived;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.TopicConsumer;
import org.mash.platform.inbox.Inbox;
import org.mash.triage.service.CaseIntake;

/** Every contact received enters the queue at once, and what is added to it later shows on the case ({@code mash.contacts.v1}). */
@ApplicationScoped
public class ContactEventsConsumer extends TopicConsumer {

    static final String CONTACT_RECEIVED = "mash.contacts.contact-received.v1";
    static final String CONTACT_AMENDED = "mash.contacts.contact-amended.v1";
    private final Inbox inbox;
    private final CaseIntake intake;

    public ContactEventsConsumer(Inbox inbox, CaseIntake intake,
                                 @ConfigProperty(name = "mp.messaging.incoming.contact-events.topic") String topic) {
        super("triage-service", Set.of(topic), Set.of(CONTACT_RECEIVED, CONTACT_AMENDED));
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("contact-events")
    public Uni<Void> onContactEvent(String record) {
        return inbox.handleOnce(this, record);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return switch (event.type()) {
            case CONTACT_RECEIVED -> intake.open(event.dataAs(ContactReceived.class), event.data().toString());
            case CONTACT_AMENDED -> intake.addAmendment(event.dataAs(ContactAmended.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
