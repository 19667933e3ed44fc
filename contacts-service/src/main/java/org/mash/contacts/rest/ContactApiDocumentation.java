package org.mash.contacts.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.mash.contacts.domain.CallbackPolicy;
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
                    field("disability", "Disability, DfE code (GET /api/v1/codes/disability)", "NONE"),
                    field("upn", "Unique pupil number: 13 characters, the check letter first (checked as the Children in Need "
                            + "census checks it)", "M201123424001"),
                    field("upnUnknown", "Instead of the UPN, why it is not known: UN1 to UN7 (GET /api/v1/codes/upn-unknown)", "UN1")),
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
        openAPI.addWebhook("outcome", outcomeWebhook());
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

    /**
     * The outcome notification this service sends to an agency's registered callback URL ({@code PUT
     * /api/v1/callbacks/mine}): the body, the signature headers and how to verify them, and what the agency answers.
     */
    static PathItem outcomeWebhook() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema body = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Ids and the outcome, nothing else: the agency reads the contact over the API if it needs more")
                .addProperty("deliveryId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid")
                        .description("the same on every retry of this notification: deduplicate on it"))
                .addProperty("contactId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("submissionId", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"))
                .addProperty("outcome", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(java.util.List.of("NFA", "INFORMATION_AND_ADVICE", "EARLY_HELP", "CSC_ASSESSMENT",
                                "STRATEGY_DISCUSSION", "EXISTING_CASE", "OTHER_COUNCIL")))
                .addProperty("decidedAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
                .required(java.util.List.of("deliveryId", "contactId", "submissionId", "outcome", "decidedAt"));
        java.util.Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("deliveryId", "7d3c1f0e-5a2b-4c8d-9e1f-2a3b4c5d6e7f");
        example.put("contactId", "0b6f4f7e-3b8e-4a8c-9a36-0c7e1fd3f2a4");
        example.put("submissionId", "c7d1e2b7-a4d3-4e9c-8a1e-2f4b6a7c9015");
        example.put("outcome", "EARLY_HELP");
        example.put("decidedAt", "2026-11-20T11:42:00Z");
        org.eclipse.microprofile.openapi.models.Operation post = OASFactory.createOperation()
                .summary("The outcome of your agency's contact (sent by the MASH to your registered callback URL)")
                .description("Sent once the MASH manager authorises the decision. Verify it before trusting it: "
                        + CallbackPolicy.SIGNATURE_HEADER + " is sha256= and the lower-case hex HMAC-SHA256, under the secret "
                        + "you registered, of the " + CallbackPolicy.TIMESTAMP_HEADER + " value, a full stop and the raw body; "
                        + "and, to stop replays, refuse one whose timestamp is more than 5 minutes old. Answer any 2xx once you have stored it: "
                        + "anything else, or no answer within 10 s, and it is sent again with exponential backoff until "
                        + "you do (never dropped), with the same " + CallbackPolicy.DELIVERY_HEADER + ".")
                .addParameter(header(CallbackPolicy.SIGNATURE_HEADER, "sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">",
                        "sha256=5d41402abc4b2a76b9719d911017c592a8f1c2e3b4d5f6a7b8c9d0e1f2a3b4c5"))
                .addParameter(header(CallbackPolicy.TIMESTAMP_HEADER, "seconds since the epoch when it was signed", "1795166100"))
                .addParameter(header(CallbackPolicy.DELIVERY_HEADER, "the delivery id, the same on every retry",
                        "7d3c1f0e-5a2b-4c8d-9e1f-2a3b4c5d6e7f"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(body).example(example))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("Stored: any 2xx ends the retries"))
                        .addAPIResponse("default", OASFactory.createAPIResponse()
                                .description("Anything else (or no answer in 10 s): sent again later")));
        return OASFactory.createPathItem().POST(post);
    }

    private static org.eclipse.microprofile.openapi.models.parameters.Parameter header(String name, String description,
                                                                                      String example) {
        return OASFactory.createParameter().name(name).in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                .required(true).description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
