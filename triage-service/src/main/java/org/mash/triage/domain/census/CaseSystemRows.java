package org.mash.triage.domain.census;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mash.triage.domain.LocalChildId;
import org.mash.triage.domain.Violation;

/**
 * What the case management system adds to the census, as a CSV with a header row, one row per referral (or per
 * assessment of a referral), keyed by the local child id and the referral date; columns named as the census names
 * them: {@value #HEADER}. Everything but the key is optional. Rows are read and checked here (plain rules); whether
 * the child and the referral exist is the service's to check.
 */
public final class CaseSystemRows {

    public static final String HEADER = "LAchildID,CINreferralDate,CINclosureDate,ReasonForClosure,"
            + "AssessmentActualStartDate,AssessmentAuthorisationDate,PersonDeathDate";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** At most this many rows in one import (the body limit allows about this many). */
    public static final int MAX_ROWS = 5_000;

    /** One row: a referral's closure, one of its assessments, the child's death. */
    public record Row(int line, String laChildId, LocalDate referralDate, LocalDate closureDate, String reasonForClosure,
                      LocalDate assessmentStart, LocalDate assessmentAuthorised, LocalDate deathDate) {
    }

    /** The rows, or why the file cannot be taken (each problem named by its line and column). */
    public record Parsed(List<Row> rows, List<Violation> violations) {
    }

    private CaseSystemRows() {
    }

    public static Parsed parse(String csv, Predicate<String> reasonForClosure) {
        List<Violation> violations = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Parsed(rows, List.of(new Violation("header", "required", "the first line names the columns: " + HEADER)));
        }
        List<String> header = Arrays.stream(lines[0].split(",", -1)).map(String::trim).toList();
        for (String name : header) {
            if (!COLUMNS.contains(name)) {
                violations.add(new Violation("header", "known-column", "'" + name + "' is not a column; the columns are " + HEADER));
            }
        }
        if (!header.contains("LAchildID") || !header.contains("CINreferralDate")) {
            violations.add(new Violation("header", "key", "LAchildID and CINreferralDate are required: they say which referral a row is about"));
        }
        if (!violations.isEmpty()) {
            return new Parsed(rows, violations);
        }
        Map<String, Row> closures = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                violations.add(new Violation("line " + (i + 1), "max-rows", "at most " + MAX_ROWS + " rows in one import: send the rest in another"));
                break;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size()) {
                violations.add(new Violation("line " + (i + 1), "columns", "has " + cells.length + " values for " + header.size() + " columns"));
                continue;
            }
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].trim();
                v.put(header.get(c), cell.isEmpty() ? null : cell);
            }
            Row row = row(i + 1, v, violations, reasonForClosure);
            if (row == null) {
                continue;
            }
            String key = row.laChildId() + "/" + row.referralDate();
            Row earlier = closures.get(key);
            if (earlier != null && (!java.util.Objects.equals(earlier.closureDate(), row.closureDate())
                    || !java.util.Objects.equals(earlier.reasonForClosure(), row.reasonForClosure()))) {
                violations.add(new Violation("line " + row.line() + ".CINclosureDate", "one-closure",
                        "line " + earlier.line() + " gives this referral another closure"));
            }
            closures.putIfAbsent(key, row);
            rows.add(row);
        }
        return new Parsed(violations.isEmpty() ? rows : List.of(), violations);
    }

    private static Row row(int line, Map<String, String> v, List<Violation> violations, Predicate<String> reasons) {
        int before = violations.size();
        String at = "line " + line + ".";
        String child = v.get("LAchildID");
        if (child == null || !LocalChildId.valid(child)) {
            violations.add(new Violation(at + "LAchildID", "local-child-id", "give the local child id: 1 to 20 letters and digits"));
        }
        LocalDate referral = date(v, "CINreferralDate", at, violations);
        if (referral == null && v.get("CINreferralDate") == null) {
            violations.add(new Violation(at + "CINreferralDate", "required", "give the referral's date"));
        }
        LocalDate closure = date(v, "CINclosureDate", at, violations);
        String reason = v.get("ReasonForClosure");
        if (reason != null && !reasons.test(reason)) {
            violations.add(new Violation(at + "ReasonForClosure", "known-code", "'" + reason + "' is not RC1-RC9 (census rule 8640)"));
        }
        boolean closureGiven = v.get("CINclosureDate") != null;
        if (closureGiven != (reason != null)) {
            violations.add(new Violation(at + (closureGiven ? "ReasonForClosure" : "CINclosureDate"), "together",
                    "a closure date and its reason come together (census rules 8805, 8810)"));
        }
        if (closure != null && referral != null && closure.isBefore(referral)) {
            violations.add(new Violation(at + "CINclosureDate", "after-referral", "the closure is before the referral (census rule 8630)"));
        }
        LocalDate start = date(v, "AssessmentActualStartDate", at, violations);
        LocalDate authorised = date(v, "AssessmentAuthorisationDate", at, violations);
        if (authorised != null && start == null) {
            violations.add(new Violation(at + "AssessmentActualStartDate", "required", "an assessment's authorisation needs its start"));
        }
        if (start != null && referral != null && start.isBefore(referral)) {
            violations.add(new Violation(at + "AssessmentActualStartDate", "after-referral", "the assessment starts before the referral"));
        }
        if (start != null && authorised != null && authorised.isBefore(start)) {
            violations.add(new Violation(at + "AssessmentAuthorisationDate", "after-start", "the authorisation is before the assessment's start"));
        }
        LocalDate died = date(v, "PersonDeathDate", at, violations);
        if (violations.size() > before) {
            return null;
        }
        return new Row(line, child, referral, closure, reason, start, authorised, died);
    }

    private static LocalDate date(Map<String, String> v, String column, String at, List<Violation> violations) {
        String value = v.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(at + column, "date", "'" + value + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }
}
