package org.mash.contacts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a partner agency (or a MASH practitioner taking a phone call) tells the MASH about one or more
 * children. A submission naming several children becomes one contact per child (DfE counts per child).
 * Shape rules are declared here; rules that need the code lists or today's date are in {@link ContactRules}.
 */
public record ContactSubmission(
        Channel channel,
        @NotBlank @Size(max = 10) String sourceCode,
        @NotNull @Valid Referrer referrer,
        @NotEmpty @Size(max = 12) List<@NotNull @Valid Child> children,
        @Size(max = 30) List<@NotNull @Valid Person> household,
        @Size(max = 2_000) String householdNotKnownReason,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 10) String> concernCodes,
        @NotBlank @Size(max = 10_000) String description,
        @Size(max = 4_000) String requestedOutcome,
        @Size(max = 4_000) String supportInPlace,
        Urgency referrerUrgency,
        @NotNull Boolean immediateDanger,
        Boolean policeInformed,
        @NotNull @Valid Consent consent) {

    public enum Channel { WEB, API, PHONE, EMAIL, SECURE_MAILBOX }

    public enum Urgency { IMMEDIATE, SAME_DAY, WITHIN_DAYS, NOT_URGENT }

    public record Referrer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String role,
            @NotBlank @Size(max = 200) String organisation,
            @Size(max = 40) String phone,
            @Size(max = 320) @jakarta.validation.constraints.Email String email) {
    }

    public record Child(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 5) List<@NotBlank @Size(max = 200) String> otherNames,
            java.time.LocalDate dateOfBirth,
            java.time.LocalDate expectedDateOfBirth,
            @NotBlank @Size(max = 1) String sex,
            @Size(max = 10) String ethnicity,
            @Size(max = 12) String nhsNumber,
            @Size(max = 200) String school,
            @Valid Address address,
            @Size(max = 60) String language,
            Boolean interpreterNeeded,
            @Size(max = 10) String disability,
            @Size(max = 13) String upn,
            @Size(max = 3) String upnUnknown,
            @Size(max = 13) List<@NotBlank @Size(max = 10) String> disabilities) {

        /**
         * The child's disabilities as the census codes them ({@code NONE} when none): the list, or the single
         * {@code disability} older clients send; null when neither is given.
         */
        public List<String> disabilityCodes() {
            if (disabilities != null) {
                return disabilities;
            }
            return disability == null ? null : List.of(disability);
        }
    }

    /**
     * A parent, carer, other adult or child in the household, or a significant other (reviews repeatedly found
     * fathers and other adult males missing from referrals).
     */
    public record Person(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            java.time.LocalDate dateOfBirth,
            @NotNull Relationship relationship,
            Boolean livesWithChild,
            Boolean parentalResponsibility,
            @Valid Address address,
            @Size(max = 2_000) String notes) {
    }

    /** How a person is related to the children of the contact. */
    public enum Relationship {
        MOTHER, FATHER, STEP_PARENT, PARTNER_OF_PARENT, FOSTER_CARER, KINSHIP_CARER, GRANDPARENT, SIBLING,
        OTHER_RELATIVE, OTHER_ADULT_IN_HOUSEHOLD, OTHER_CHILD_IN_HOUSEHOLD, SIGNIFICANT_OTHER
    }

    public record Address(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String town,
            @NotBlank @Size(max = 10) String postcode) {
    }

    public record Consent(
            @NotNull ConsentStatus status,
            @Size(max = 2_000) String reason,
            @Size(max = 4_000) String childView) {
    }

    public enum ConsentStatus { GIVEN, REFUSED, NOT_SOUGHT }

    public Channel channelOrDefault() {
        return channel == null ? Channel.API : channel;
    }
}
