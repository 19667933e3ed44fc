package org.mash.contacts.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.mash.contacts.domain.ContactSubmission;
import org.mash.platform.web.FormValues;

/**
 * The referrer's web form as the API's {@link ContactSubmission}. Its fields are named by the API's JSON paths
 * ({@code children[0].dateOfBirth}), so a problem the API names is shown beside the field it names. Empty child and
 * household slots are left out; a date or a choice that cannot be read is refused, naming the field.
 */
@io.quarkus.qute.TemplateData
public record ContactForm(Map<String, String> values) {

    static final int CHILD_SLOTS = 3;
    static final int HOUSEHOLD_SLOTS = 3;

    /** One child or household slot of the form: {@code name("firstName")} is {@code children[0].firstName}. */
    public record Slot(String prefix, int number) {
        public String name(String field) {
            return prefix + "." + field;
        }
    }

    public static ContactForm empty() {
        return new ContactForm(Map.of());
    }

    public static ContactForm of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new java.util.HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : String.join(",", list)));
        return new ContactForm(values);
    }

    public String value(String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    public boolean checked(String name, String value) {
        String values = value(name);
        return !values.isEmpty() && List.of(values.split(",")).contains(value);
    }

    public List<Slot> children() {
        return IntStream.range(0, CHILD_SLOTS).mapToObj(i -> new Slot("children[" + i + "]", i + 1)).toList();
    }

    public List<Slot> household() {
        return IntStream.range(0, HOUSEHOLD_SLOTS).mapToObj(i -> new Slot("household[" + i + "]", i + 1)).toList();
    }

    /** The submission as the API takes it (its own validation then applies, as for a JSON body). */
    ContactSubmission toSubmission() {
        List<ContactSubmission.Child> children = new ArrayList<>();
        for (Slot slot : children()) {
            if (blank(slot, "firstName", "lastName", "dateOfBirth", "expectedDateOfBirth", "nhsNumber", "address.line1")) {
                continue;
            }
            children.add(new ContactSubmission.Child(text(slot.name("firstName")), text(slot.name("lastName")), null,
                    date(slot.name("dateOfBirth")), date(slot.name("expectedDateOfBirth")), text(slot.name("sex")),
                    text(slot.name("ethnicity")), text(slot.name("nhsNumber")), text(slot.name("school")),
                    address(slot), null, null, null, text(slot.name("upn")), text(slot.name("upnUnknown")),
                    codes(slot.name("disabilities"))));
        }
        List<ContactSubmission.Person> household = new ArrayList<>();
        for (Slot slot : household()) {
            if (blank(slot, "firstName", "lastName", "relationship")) {
                continue;
            }
            household.add(new ContactSubmission.Person(text(slot.name("firstName")), text(slot.name("lastName")),
                    date(slot.name("dateOfBirth")), oneOf(slot.name("relationship"), ContactSubmission.Relationship.class),
                    null, null, null, text(slot.name("notes"))));
        }
        List<String> concerns = value("concernCodes").isEmpty() ? List.of() : codes("concernCodes");
        return new ContactSubmission(ContactSubmission.Channel.WEB, text("sourceCode"),
                new ContactSubmission.Referrer(text("referrer.name"), text("referrer.role"), text("referrer.organisation"),
                        text("referrer.phone"), text("referrer.email")),
                children, household, text("householdNotKnownReason"), concerns, text("description"), null, null,
                oneOf("referrerUrgency", ContactSubmission.Urgency.class),
                value("immediateDanger").isEmpty() ? null : "true".equals(value("immediateDanger")),
                value("policeInformed").isEmpty() ? null : "true".equals(value("policeInformed")),
                new ContactSubmission.Consent(oneOf("consent.status", ContactSubmission.ConsentStatus.class),
                        text("consent.reason"), null));
    }

    /** The codes ticked in a group of checkboxes, or null when none is. */
    private List<String> codes(String name) {
        return value(name).isEmpty() ? null : List.of(value(name).split(","));
    }

    private ContactSubmission.Address address(Slot slot) {
        if (blank(slot, "address.line1", "address.town", "address.postcode")) {
            return null;
        }
        return new ContactSubmission.Address(text(slot.name("address.line1")), null, text(slot.name("address.town")),
                text(slot.name("address.postcode")));
    }

    private boolean blank(Slot slot, String... fields) {
        for (String field : fields) {
            if (text(slot.name(field)) != null) {
                return false;
            }
        }
        return true;
    }

    private String text(String name) {
        return FormValues.text(value(name));
    }

    private LocalDate date(String name) {
        return FormValues.date(name, value(name));
    }

    private <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        return FormValues.oneOf(name, value(name), type);
    }
}
