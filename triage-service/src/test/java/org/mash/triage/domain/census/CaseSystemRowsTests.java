package org.mash.triage.domain.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.Violation;

/** The case system's CSV: read row by row, each problem named by its line and column, nothing taken from a bad file. */
class CaseSystemRowsTests {

    static final Set<String> REASONS = Set.of("RC1", "RC2", "RC4", "RC8");

    static List<String> problems(String csv) {
        return CaseSystemRows.parse(csv, REASONS::contains).violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void aFileOfClosuresAssessmentsAndADeath() {
        CaseSystemRows.Parsed parsed = CaseSystemRows.parse("\uFEFF" + CaseSystemRows.HEADER + "\r\n"
                + "C000000001,2025-10-06,2025-12-01,RC4,2025-10-07,2025-11-20,\r\n"
                + "C000000001,2025-10-06,2025-12-01,RC4,2025-11-03,,\r\n"
                + "\r\n"
                + "C000000002,2026-01-12,,,,,2026-02-01\r\n", REASONS::contains);
        assertEquals(List.of(), parsed.violations());
        assertEquals(3, parsed.rows().size());
        CaseSystemRows.Row first = parsed.rows().get(0);
        assertEquals(new CaseSystemRows.Row(2, "C000000001", LocalDate.of(2025, 10, 6), LocalDate.of(2025, 12, 1), "RC4",
                LocalDate.of(2025, 10, 7), LocalDate.of(2025, 11, 20), null), first);
        assertEquals(LocalDate.of(2026, 2, 1), parsed.rows().get(2).deathDate());
    }

    @Test
    void onlyTheKeyIsRequiredAndColumnsMayComeInAnyOrder() {
        assertEquals(List.of(), problems("CINreferralDate,LAchildID\n2025-10-06,C1\n"));
        assertEquals(List.of("header:key"), problems("LAchildID,CINclosureDate\nC1,2025-12-01\n"));
        assertEquals(List.of("header:known-column"), problems(CaseSystemRows.HEADER + ",CPPstartDate\n"));
        assertEquals(List.of("header:required"), problems(""));
    }

    @Test
    void eachBadValueIsNamedByItsLineAndColumnAndNothingIsTaken() {
        String csv = CaseSystemRows.HEADER + "\n"
                + "C-1,2025-10-06,,,,,\n"
                + "C1,06/10/2025,,,,,\n"
                + "C1,2025-10-06,2025-12-01,,,,\n"
                + "C1,2025-10-07,,RC4,,,\n"
                + "C1,2025-10-08,2025-12-01,RC99,,,\n"
                + "C1,2025-10-09,2025-10-01,RC4,,,\n"
                + "C1,2025-10-10,,,2025-10-01,,\n"
                + "C1,2025-10-11,,,2025-10-12,2025-10-11,\n"
                + "C1,2025-10-12,,,,2025-10-20,\n"
                + "C1,2025-10-13,,\n"
                + "C2,2025-10-06,2025-12-01,RC4,,,\n"
                + "C2,2025-10-06,2025-12-02,RC4,,,\n";
        CaseSystemRows.Parsed parsed = CaseSystemRows.parse(csv, REASONS::contains);
        assertTrue(parsed.rows().isEmpty(), "a file with a bad row is taken whole or not at all");
        assertEquals(List.of("line 2.LAchildID:local-child-id", "line 3.CINreferralDate:date",
                "line 4.ReasonForClosure:together", "line 5.CINclosureDate:together", "line 6.ReasonForClosure:known-code",
                "line 7.CINclosureDate:after-referral", "line 8.AssessmentActualStartDate:after-referral",
                "line 9.AssessmentAuthorisationDate:after-start", "line 10.AssessmentActualStartDate:required",
                "line 11:columns", "line 13.CINclosureDate:one-closure"),
                parsed.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        Violation v = parsed.violations().get(4);
        assertTrue(v.message().contains("8640"), v.message());
    }
}
