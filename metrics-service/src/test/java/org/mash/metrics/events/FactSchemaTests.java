package org.mash.metrics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mash.platform.testing.PostgresTestDatabase;

/**
 * The fact store has no place for personal data (issue #6, point 1), read from the migrated schema itself:
 * no column named for a name, date of birth, address or free text, and no column that could hold free text
 * (no {@code text}, {@code json}, or character column longer than a pseudonymous id).
 */
@QuarkusTest
class FactSchemaTests {

    static final Set<String> FACT_TABLES = Set.of("contact_fact", "contact_concern", "check_fact", "discussion_fact",
            "discussion_attendance", "s47_fact", "publication_state");
    static final Pattern PERSONAL = Pattern.compile(
            ".*(name|birth|dob|address|postcode|street|nhs|phone|email|description|summary|text|note|comment|reason|minutes|free).*");
    static final Set<String> ALLOWED_TYPES = Set.of("uuid", "character varying", "timestamp with time zone", "date", "boolean",
            "integer", "smallint", "bigint");

    @Test
    void noColumnCanHoldANameADateOfBirthAnAddressOrFreeText() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
             PreparedStatement s = c.prepareStatement("select table_name, column_name, data_type, character_maximum_length"
                     + " from information_schema.columns where table_schema = 'public'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!FACT_TABLES.contains(table)) {
                    continue;
                }
                String column = rs.getString(2);
                String type = rs.getString(3);
                int length = rs.getInt(4);
                columns.add(table + "." + column);
                // a yes/no (e.g. "was a reason recorded") holds no personal data, whatever its name
                assertTrue(type.equals("boolean") || !PERSONAL.matcher(column).matches(),
                        table + "." + column + " is named for personal data or free text");
                assertTrue(ALLOWED_TYPES.contains(type), table + "." + column + " is of type " + type);
                if (type.equals("character varying")) {
                    assertTrue(length > 0 && length <= 64, table + "." + column + " could hold free text: varchar(" + length + ")");
                }
            }
        }
        assertEquals(FACT_TABLES.size(), columns.stream().map(x -> x.substring(0, x.indexOf('.'))).distinct().count(),
                "every fact table was read: " + columns);
        assertTrue(columns.contains("contact_fact.child_ref"));
        assertTrue(columns.contains("contact_fact.informed_at"));
        assertTrue(columns.contains("check_fact.responded_at"));
    }
    /**
     * Every valid value fits its column: the longest code of each list (codes/*.csv and the event schemas'
     * enums) and an agency name of the 40 characters the strategy service allows.
     */
    @Test
    void everyCodeAndAgencyColumnTakesTheLongestValidValue() throws Exception {
        java.util.Map<String, String> longest = new java.util.TreeMap<>(java.util.Map.ofEntries(
                java.util.Map.entry("s47_fact.outcome_code", "NFA_CONTINUE_ASSESSMENT"),
                java.util.Map.entry("contact_fact.outcome", "INFORMATION_AND_ADVICE"),
                java.util.Map.entry("discussion_fact.outcome", "S47_SINGLE_AGENCY"),
                java.util.Map.entry("contact_fact.consent_status", "NOT_RECORDED"),
                java.util.Map.entry("contact_fact.informed_how", "CALLBACK"),
                java.util.Map.entry("contact_fact.age_band", "UNBORN"),
                java.util.Map.entry("contact_fact.ethnicity", "WBRI"),
                java.util.Map.entry("contact_fact.sex", "M"),
                java.util.Map.entry("contact_fact.rag", "AMBER"),
                java.util.Map.entry("contact_fact.source_code", "x".repeat(20)),
                java.util.Map.entry("contact_concern.concern_code", "x".repeat(20)),
                java.util.Map.entry("check_fact.result", "INFORMATION_HELD"),
                java.util.Map.entry("discussion_attendance.status", "SENT_INFORMATION"),
                java.util.Map.entry("contact_fact.agency", "a".repeat(40)),
                java.util.Map.entry("check_fact.agency", "a".repeat(40)),
                java.util.Map.entry("discussion_attendance.agency", "a".repeat(40))));
        java.util.Map<String, Integer> widths = new java.util.TreeMap<>();
        try (Connection c = PostgresTestDatabase.connect(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
             PreparedStatement s = c.prepareStatement("select table_name || '.' || column_name, character_maximum_length"
                     + " from information_schema.columns where table_schema = 'public' and data_type = 'character varying'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                widths.put(rs.getString(1), rs.getInt(2));
            }
        }
        longest.forEach((column, value) -> {
            assertTrue(widths.containsKey(column), "no column " + column);
            assertTrue(widths.get(column) >= value.length(), column + " is varchar(" + widths.get(column) + "): '" + value
                    + "' (" + value.length() + ") would not fit");
        });
        assertTrue(widths.get("s47_fact.outcome_code") >= 40, "as wide as the strategy service's outcome code");
    }
}
