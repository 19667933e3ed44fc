package org.mash.contacts.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mash.contacts.domain.Violation;
import org.mash.platform.events.EventContracts;

/**
 * The published contract of this service's events, checked before a contact or an amendment is accepted: the
 * limits of the consumers' stores (lengths after their own normalisation, dates a child can have and a database can
 * hold, no control characters) live in the event schema, and what breaks them is refused at the door with the
 * request's own field names, instead of being accepted here and refused by triage.
 */
public final class ContactContract {

    private ContactContract() {
    }

    /** What in the event of child {@code childIndex} breaks the contract, named as in the submission. */
    public static List<Violation> check(ContactEvents.ContactReceivedV1 event, int childIndex) {
        return named(EventContracts.violations(ContactEvents.CONTACT_RECEIVED, event), childIndex);
    }

    /** What in an amendment's event breaks the contract, named as in the amendment ({@code text}). */
    public static List<Violation> check(ContactEvents.ContactAmendedV1 event) {
        return named(EventContracts.violations(ContactEvents.CONTACT_AMENDED, event), -1);
    }

    private static List<Violation> named(List<EventContracts.Violation> violations, int childIndex) {
        Map<String, Violation> byField = new LinkedHashMap<>();
        for (EventContracts.Violation v : violations) {
            String field = requestPath(v.path(), childIndex);
            byField.putIfAbsent(field, new Violation(field, "contract-" + v.keyword(), v.message()));
        }
        return new ArrayList<>(byField.values());
    }

    /** {@code $.child.address.postcode} of child 1 is {@code children[1].address.postcode} in the submission. */
    static String requestPath(String eventPath, int childIndex) {
        String path = eventPath.equals("$") ? "" : eventPath.startsWith("$.") ? eventPath.substring(2) : eventPath;
        if (childIndex >= 0 && (path.equals("child") || path.startsWith("child.") || path.startsWith("child["))) {
            return "children[" + childIndex + "]" + path.substring("child".length());
        }
        return path;
    }
}
