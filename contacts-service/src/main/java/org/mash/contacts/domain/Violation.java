package org.mash.contacts.domain;

/** A domain rule a submitted field breaks: the field's JSON path, the rule's name and a sentence for the referrer. */
public record Violation(String field, String rule, String message) {
}
