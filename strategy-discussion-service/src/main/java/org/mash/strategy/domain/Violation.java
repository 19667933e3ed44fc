package org.mash.strategy.domain;

/** A domain rule a submitted field breaks: the field's JSON path, the rule's name and a sentence for the caller. */
public record Violation(String field, String rule, String message) {
}
