package org.mash.metrics.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;

/**
 * The dimensions a figure can be broken down by. A contact falls in the group(s) of its own attribute
 * (a contact with several concern codes counts in each); checks, discussions and enquiries fall in the
 * group of their contact, except that by {@code agency} a check falls in the group of the agency asked.
 * A fact whose attribute is not known yet falls in {@link #UNKNOWN}. The personal characteristics
 * (ethnicity, sex, age band) are subject to disclosure control.
 */
public enum Breakdown {
    SOURCE("source", false, c -> one(c.sourceCode())),
    CONCERN("concern", false, c -> c.concernCodes().isEmpty() ? Set.of(Breakdown.UNKNOWN_GROUP) : c.concernCodes()),
    RAG("rag", false, c -> one(c.rag())),
    AGENCY("agency", false, c -> one(c.agency())),
    ETHNICITY("ethnicity", true, c -> one(c.ethnicity())),
    SEX("sex", true, c -> one(c.sex())),
    AGE_BAND("ageBand", true, c -> one(c.ageBand()));

    public static final String UNKNOWN_GROUP = "unknown";

    private final String parameter;
    private final boolean personal;
    private final Function<Facts.Contact, Set<String>> groups;

    Breakdown(String parameter, boolean personal, Function<Facts.Contact, Set<String>> groups) {
        this.parameter = parameter;
        this.personal = personal;
        this.groups = groups;
    }

    /** The name used in the API and on each figure ({@code source}, {@code ageBand}, ...). */
    public String parameter() {
        return parameter;
    }

    /** A personal characteristic: its groups' small counts are suppressed (disclosure control). */
    public boolean personal() {
        return personal;
    }

    public Set<String> groupsOf(Facts.Contact contact) {
        return contact == null ? Set.of(UNKNOWN_GROUP) : groups.apply(contact);
    }

    public static Breakdown parse(String parameter) {
        return Arrays.stream(values()).filter(b -> b.parameter.equals(parameter)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + parameter + "' is not a breakdown: use one of "
                        + String.join(", ", Arrays.stream(values()).map(Breakdown::parameter).toList())));
    }

    private static Set<String> one(String value) {
        return Set.of(value == null || value.isBlank() ? UNKNOWN_GROUP : value);
    }
}
