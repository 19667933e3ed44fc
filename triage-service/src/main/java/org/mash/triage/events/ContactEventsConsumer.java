package org.mash.triage.events;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.Inbox;
import org.mash.triage.service.TriageService;

/** Every contact received enters the queue at once ({@code mash.contacts.v1}). */
@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONTACT_RECEIVED = "mash.contacts.contact-received.v1";

    private final Inbox inbox;
    private final TriageService triage;

    public ContactEventsConsumer(Inbox inbox, TriageService triage) {
        this.inbox = inbox;
        this.triage = triage;
    }

    @Incoming("contact-events")
    @WithTransaction
    public Uni<Void> onContactEvent(String record) {
        return inbox.handleOnce("triage-service", record, this::apply);
    }

    private Uni<Void> apply(CloudEvent event) {
        if (!CONTACT_RECEIVED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return triage.open(event.dataAs(ContactReceived.class), event.data().toString());
    }
}
