package org.mash.contacts.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents every field of the contact form in the OpenAPI description, with an example, without putting
 * OpenAPI annotations on the domain records. Registered with {@code mp.openapi.filter}.
 */
public class ContactApiDocumentation implements OASFilter {

    /** Schema name → property → {description, example}. */
    static final Map<String, Map<String, String[]>> FIELDS = Map.of(
            "ContactSubmission", Map.ofEntries(
                    field("channel", "How the contact reached the MASH: WEB or API for partners (default API); PHONE, EMAIL, SECURE_MAILBOX are recorded by MASH staff", "API"),
                    field("sourceCode", "Referral source, DfE census code (GET /api/v1/codes/referral-source)", "6"),
                    field("referrer", "Who is making the contact", null),
                    field("children", "One entry per child; each becomes its own contact, linked by the submission id", null),
                    field("household", "Parents, carers, other household members (fathers and adult males too) and significant others", null),
                    field("householdNotKnownReason", "Required when household is empty: why the household cannot be named", "Anonymous caller did not know the family"),
                    field("concernCodes", "At least one concern factor code (GET /api/v1/codes/concern-factor)", "[\"3A\"]"),
                    field("description", "What happened and what you are worried about (max 10,000 characters)", "Police attended a domestic incident; the child was present."),
                    field("requestedOutcome", "What you want to happen", "Assessment of the child's safety at home"),
                    field("supportInPlace", "Support already in place for the family", "School nurse involved"),
                    field("referrerUrgency", "How urgent you think it is", "SAME_DAY"),
                    field("immediateDanger", "The child is in immediate danger: call 999 first, then set policeInformed", "false"),
                    field("policeInformed", "Required true when immediateDanger is true", "true"),
                    field("consent", "Whether the family was told and agreed", null)),
            "Referrer", Map.ofEntries(
                    field("name", "Referrer's name", "PC Sam Patel"),
                    field("role", "Referrer's role", "Police constable"),
                    field("organisation", "Referrer's organisation", "Metropolitan Police, Hackney"),
                    field("phone", "Phone number the MASH can call back", "020 7946 0000"),
                    field("email", "Email address", "sam.patel@police.example.org")),
            "Child", Map.ofEntries(
                    field("firstName", "Child's first name", "Amira"),
                    field("lastName", "Child's last name", "Khan"),
                    field("otherNames", "Other names the child is known by", "[\"Mira\"]"),
                    field("dateOfBirth", "Date of birth (not in the future; under 18)", "2016-04-02"),
                    field("expectedDateOfBirth", "For an unborn child instead of dateOfBirth", "2027-02-14"),
                    field("sex", "Sex code: M, F or U", "F"),
                    field("ethnicity", "Ethnicity, DfE code (GET /api/v1/codes/ethnicity)", "APKN"),
                    field("nhsNumber", "NHS number, 10 digits with a valid check digit; spaces allowed", "943 476 5919"),
                    field("school", "School or nursery", "Mandeville Primary"),
                    field("address", "Where the child lives", null),
                    field("language", "First language", "Urdu"),
                    field("interpreterNeeded", "An interpreter is needed", "true"),
                    field("disability", "Disability, DfE code (GET /api/v1/codes/disability)", "NONE")),
            "Person", Map.ofEntries(
                    field("firstName", "First name", "Imran"),
                    field("lastName", "Last name", "Khan"),
                    field("dateOfBirth", "Date of birth if known", "1985-07-30"),
                    field("relationship", "Relationship to the children", "FATHER"),
                    field("livesWithChild", "Lives in the child's household", "true"),
                    field("parentalResponsibility", "Has parental responsibility", "true"),
                    field("address", "Address, if different from the child's", null),
                    field("notes", "Anything the MASH should know about this person", "Alleged perpetrator")),
            "Address", Map.ofEntries(
                    field("line1", "First line", "12 Example Road"),
                    field("line2", "Second line", "Flat 3"),
                    field("town", "Town", "London"),
                    field("postcode", "Postcode", "E8 1AA")),
            "Consent", Map.ofEntries(
                    field("status", "GIVEN, REFUSED or NOT_SOUGHT", "NOT_SOUGHT"),
                    field("reason", "Required when NOT_SOUGHT: why consent was not sought", "Seeking consent could place the child at risk"),
                    field("childView", "The child's own view, where age appropriate", "Amira said she is scared at home")),
            "Amendment", Map.ofEntries(
                    field("kind", "ADDITIONAL_INFORMATION or CORRECTION", "ADDITIONAL_INFORMATION"),
                    field("text", "What you are adding (the contact as received is never changed)", "The father also lives at the address.")));

    private static Map.Entry<String, String[]> field(String name, String description, String example) {
        return Map.entry(name, new String[] {description, example});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        FIELDS.forEach((schemaName, fields) -> {
            Schema schema = openAPI.getComponents().getSchemas().get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            fields.forEach((property, doc) -> {
                Schema p = schema.getProperties().get(property);
                if (p != null) {
                    p.setDescription(doc[0]);
                    if (doc[1] != null) {
                        p.setExample(doc[1]);
                    }
                }
            });
        });
    }
}
