package org.mash.contacts.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mash.contacts.service.ContactService;
import org.mash.platform.events.CloudEvent;
import org.mash.platform.inbox.TopicConsumer;
import org.mash.platform.inbox.Inbox;

/**
 * Learns what happened to a contact from the triage service's events ({@code mash.triage.v1}). Reads only
 * the fields it needs; other fields and other event types are ignored.
 */
@ApplicationScoped
public class TriageEventsConsumer extends TopicConsumer {

    static final String CASE_OPENED = "mash.triage.case-opened.v1";
    static final String DECISION_AUTHORISED = "mash.triage.decision-authorised.v1";

    /** The part of {@code case-opened} this service reads. */
    public record CaseOpened(UUID caseId, UUID contactId, OffsetDateTime openedAt) {
    }

    /** The part of {@code decision-authorised} this service reads. */
    public record DecisionAuthorised(UUID caseId, UUID contactId, String outcome, OffsetDateTime authorisedAt) {
    }

    private final Inbox inbox;
    private final ContactService contacts;

    public TriageEventsConsumer(Inbox inbox, ContactService contacts,
                                @ConfigProperty(name = "mp.messaging.incoming.triage-events.topic") String topic) {
        super("contacts-service", Set.of(topic), Set.of(CASE_OPENED, DECISION_AUTHORISED));
        this.inbox = inbox;
        this.contacts = contacts;
    }

    @Incoming("triage-events")
    public Uni<Void> onTriageEvent(String record) {
        return inbox.handleOnce(this, record);
    }

    @Override
    public Uni<Void> apply(CloudEvent event) {
        return switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened opened = event.dataAs(CaseOpened.class);
                yield contacts.markInTriage(opened.contactId(), opened.caseId(), opened.openedAt());
            }
            case DECISION_AUTHORISED -> {
                DecisionAuthorised decision = event.dataAs(DecisionAuthorised.class);
                yield contacts.recordOutcome(decision.contactId(), decision.outcome(), decision.authorisedAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
