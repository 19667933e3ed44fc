package org.mash.triage.domain;

/** A rule a request breaks: the field's path, the rule's name and a sentence for the practitioner. */
public record Violation(String field, String rule, String message) {
}
