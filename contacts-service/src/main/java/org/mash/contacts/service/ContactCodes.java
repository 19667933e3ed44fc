package org.mash.contacts.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mash.contacts.domain.ContactRules;
import org.mash.platform.codes.CodeList;

/** The DfE code lists a contact form uses, loaded once from the service's resources. */
@ApplicationScoped
public class ContactCodes {

    public static final List<String> LISTS = List.of("referral-source", "concern-factor", "ethnicity", "sex", "disability",
            "upn-unknown");

    private final Map<String, CodeList> lists = LISTS.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), CodeList::load));

    public Optional<CodeList> list(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    public ContactRules rules() {
        return new ContactRules(new ContactRules.Codes(
                lists.get("referral-source")::contains,
                lists.get("concern-factor")::contains,
                lists.get("ethnicity")::contains,
                lists.get("sex")::contains,
                lists.get("disability")::contains,
                lists.get("upn-unknown")::contains));
    }
}
