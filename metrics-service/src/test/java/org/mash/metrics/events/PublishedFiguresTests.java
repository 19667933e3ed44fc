package org.mash.metrics.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.Period;
import org.mash.platform.testing.ContractEvents;
import org.mash.platform.testing.KafkaTestClient;
import org.mash.platform.testing.DemoUsers;

/**
 * Proof against published figures (issue #6, point 6): a year of events whose counts match Hackney's
 * 2021/22 figures as published (MASH.md 2.4) goes through the real broker into the service's own consumers;
 * from those events alone the service reports the published 29% conversion, 17% re-referrals and 32% of
 * section 47 enquiries leading to an ICPC. No other test writes facts in FY2021-22.
 */
@QuarkusTest
class PublishedFiguresTests {

    private static final Logger LOG = Logger.getLogger(PublishedFiguresTests.class);

    static final int CONTACTS = 12_313;
    static final int REFERRALS = 3_559;
    static final int RE_REFERRALS = 605;      // 17.0% of 3,559: the published 17%
    static final int S47 = 825;
    static final int ICPCS = 267;
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 4, 1);

    @Test
    void hackney2021To22FromEventsAlone() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "");
        Templates templates = new Templates();
        List<Map.Entry<String, String>> triage = new ArrayList<>();
        List<Map.Entry<String, String>> strategy = new ArrayList<>();

        int referral = 0;
        int enquiry = 0;
        int icpc = 0;
        List<String> referredChildren = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            // spread over the year: day 0 (1 April 2021) to day 363 (30 March 2022), in working hours London time
            LocalDate day = FIRST_DAY.plusDays((long) i * 364 / CONTACTS);
            String receivedAt = day.atTime(LocalTime.of(9, 0).plusMinutes(i % 300)).atZone(Period.ZONE).toInstant().toString();
            String authorisedAt = day.atTime(LocalTime.of(9, 0).plusMinutes(i % 300 + 120)).atZone(Period.ZONE).toInstant().toString();
            boolean isReferral = (long) i * REFERRALS / CONTACTS != (long) (i + 1) * REFERRALS / CONTACTS;
            String child;
            if (isReferral) {
                // the first 2,954 referrals are of different children; the last 605 are the first 605 children again
                child = referral < REFERRALS - RE_REFERRALS ? ref(run, "r" + referral) : referredChildren.get(referral - (REFERRALS - RE_REFERRALS));
                referredChildren.add(child);
            } else {
                child = ref(run, "c" + i);
            }
            String contactId = UUID.randomUUID().toString();
            String caseId = UUID.randomUUID().toString();
            triage.add(Map.entry(contactId, templates.caseOpened(contactId, caseId, child, receivedAt)));
            triage.add(Map.entry(contactId, templates.decision(contactId, caseId, child, receivedAt,
                    authorisedAt, isReferral ? "STRATEGY_DISCUSSION" : "NFA")));
            if (isReferral) {
                if ((long) referral * S47 / REFERRALS != (long) (referral + 1) * S47 / REFERRALS) {
                    String enquiryId = UUID.randomUUID().toString();
                    LocalDate started = day.plusDays(1);
                    strategy.add(Map.entry(contactId, templates.s47Started(enquiryId, contactId, child, started)));
                    if ((long) enquiry * ICPCS / S47 != (long) (enquiry + 1) * ICPCS / S47) {
                        LocalDate held = started.plusDays(14).isAfter(Period.financialYear(2021).to())
                                ? Period.financialYear(2021).to() : started.plusDays(14);
                        strategy.add(Map.entry(contactId, templates.icpcHeld(enquiryId, contactId, child, started, held)));
                        icpc++;
                    }
                    enquiry++;
                }
                referral++;
            }
        }
        assertEquals(REFERRALS, referral);
        assertEquals(S47, enquiry);
        assertEquals(ICPCS, icpc);

        long start = System.nanoTime();
        KafkaTestClient.sendAll(InputEvents.TRIAGE_TOPIC, triage);
        KafkaTestClient.sendAll(InputEvents.STRATEGY_TOPIC, strategy);
        LOG.infof("published %d events in %d ms", triage.size() + strategy.size(), (System.nanoTime() - start) / 1_000_000);

        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonPath fy = DemoUsers.analyst().get("/api/v1/metrics?period=FY2021-22").then().statusCode(200).extract().jsonPath();
            assertEquals(CONTACTS, fy.getLong("figures.find { it.id == 'contacts' }.numerator"));
            assertEquals(CONTACTS, fy.getLong("figures.find { it.id == 'outcomes' }.numerator"));
            assertEquals(S47, fy.getLong("figures.find { it.id == 's47' }.numerator"));
            assertEquals(ICPCS, fy.getLong("figures.find { it.id == 'icpcs' }.numerator"));
        });
        LOG.infof("consumed in %d ms", (System.nanoTime() - start) / 1_000_000);

        JsonPath fy = DemoUsers.analyst().get("/api/v1/metrics?period=FY2021-22").then().statusCode(200).extract().jsonPath();
        assertEquals(REFERRALS, fy.getLong("figures.find { it.id == 'referrals' }.numerator"));
        assertEquals(REFERRALS, fy.getLong("figures.find { it.id == 'conversion' }.numerator"));
        assertEquals(CONTACTS, fy.getLong("figures.find { it.id == 'conversion' }.denominator"));
        assertEquals(28.9, fy.getDouble("figures.find { it.id == 'conversion' }.value"));
        assertEquals(29, Math.round(fy.getDouble("figures.find { it.id == 'conversion' }.value")), "published: 29%");

        assertEquals(RE_REFERRALS, fy.getLong("figures.find { it.id == 're-referrals' }.numerator"));
        assertEquals(REFERRALS, fy.getLong("figures.find { it.id == 're-referrals' }.denominator"));
        assertEquals(17, Math.round(fy.getDouble("figures.find { it.id == 're-referrals' }.value")), "published: 17%");

        assertEquals(ICPCS, fy.getLong("figures.find { it.id == 's47-icpc' }.numerator"));
        assertEquals(S47, fy.getLong("figures.find { it.id == 's47-icpc' }.denominator"));
        assertEquals(32, Math.round(fy.getDouble("figures.find { it.id == 's47-icpc' }.value")), "published: 32%");
    }

    private static String ref(String run, String n) {
        String hex = String.format("%032x", new java.math.BigInteger(1, n.getBytes(StandardCharsets.UTF_8)).mod(java.math.BigInteger.TWO.pow(128)));
        return run + hex;
    }

    /**
     * Events built from the schemas' own examples (with the consumer-unknown fields ContractEvents adds); each
     * template is checked against its schema once, and the first event of each type in full.
     */
    static final class Templates {
        private final ObjectNode caseOpened = ContractEvents.data(InputEvents.CASE_OPENED, Map.of());
        private final ObjectNode decision = ContractEvents.data(InputEvents.DECISION_AUTHORISED, Map.of());
        private final ObjectNode s47 = ContractEvents.data(InputEvents.S47_STARTED, Map.of());
        private final ObjectNode icpc = ContractEvents.data(InputEvents.ICPC_HELD, Map.of());
        private final java.util.Set<String> checked = new java.util.HashSet<>();

        String caseOpened(String contactId, String caseId, String child, String receivedAt) {
            ObjectNode d = caseOpened.deepCopy();
            d.put("contactId", contactId).put("caseId", caseId).put("childRef", child).put("receivedAt", receivedAt)
                    .put("openedAt", receivedAt).put("rag", "GREEN").put("dueAt", plusHours(receivedAt, 72)).remove("oneWorkingDayDueAt");
            return envelope(InputEvents.CASE_OPENED, "/mash/triage-service", contactId, d);
        }

        String decision(String contactId, String caseId, String child, String receivedAt, String authorisedAt, String outcome) {
            ObjectNode d = decision.deepCopy();
            d.put("contactId", contactId).put("caseId", caseId).put("childRef", child).put("receivedAt", receivedAt)
                    .put("proposedAt", authorisedAt).put("authorisedAt", authorisedAt).put("outcome", outcome)
                    .put("referral", !outcome.equals("NFA")).put("rag", "GREEN").put("dueAt", plusHours(receivedAt, 72))
                    .put("consentStatus", "GIVEN").putNull("consentOverrideReasonRecorded").remove("oneWorkingDayDueAt");
            if (outcome.equals("NFA")) {
                d.putNull("primaryNeedCode");
            }
            d.remove("submissionId");
            return envelope(InputEvents.DECISION_AUTHORISED, "/mash/triage-service", contactId, d);
        }

        String s47Started(String enquiryId, String contactId, String child, LocalDate started) {
            ObjectNode d = s47.deepCopy();
            d.put("enquiryId", enquiryId).put("discussionId", UUID.randomUUID().toString()).put("contactId", contactId)
                    .put("childRef", child).put("startedOn", started.toString()).put("icpcTargetDate", started.plusDays(21).toString());
            return envelope(InputEvents.S47_STARTED, "/mash/strategy-discussion-service", contactId, d);
        }

        String icpcHeld(String enquiryId, String contactId, String child, LocalDate started, LocalDate held) {
            ObjectNode d = icpc.deepCopy();
            d.put("enquiryId", enquiryId).put("discussionId", UUID.randomUUID().toString()).put("contactId", contactId)
                    .put("childRef", child).put("startedOn", started.toString()).put("icpcTargetDate", started.plusDays(21).toString())
                    .put("heldOn", held.toString()).put("withinTarget", true);
            return envelope(InputEvents.ICPC_HELD, "/mash/strategy-discussion-service", contactId, d);
        }

        private String envelope(String type, String source, String subject, ObjectNode data) {
            if (checked.add(type)) {
                return ContractEvents.envelope(type, source, subject, data);
            }
            ObjectNode envelope = data.objectNode();
            envelope.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type).put("source", source)
                    .put("subject", subject).put("time", "2022-04-01T00:00:00Z").put("datacontenttype", "application/json");
            envelope.set("data", data);
            return envelope.toString();
        }

        private static String plusHours(String instant, int hours) {
            return java.time.Instant.parse(instant).plusSeconds(hours * 3600L).atOffset(ZoneOffset.UTC).toInstant().toString();
        }
    }
}
