package org.mash.metrics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.events.MetricsEvents;

class CsvTests {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a, b\"", Csv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", Csv.field("two\r\nlines"));
        assertEquals("\"x\ny\"", Csv.field("x\ny"));
        assertEquals("", Csv.field(""));
    }

    @Test
    void aHeaderRowThenOneRowPerFigureEndedByCrlf() {
        MetricsEvents.PeriodV1 period = new MetricsEvents.PeriodV1("2024-03", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
        String csv = Csv.figures(period, "2024-04-01T00:00Z", List.of(
                new Figure("contacts", 12.0, 12, null, Figure.COUNT, "contacts received in the period (by received date)"),
                new Figure("conversion", 28.9, 3559, 12313L, Figure.PERCENT, "referrals / contacts decided, \"as published\""),
                new Figure("contacts", null, null, null, Figure.COUNT, "d", "ethnicity", "APKN", "<5")));
        String[] rows = csv.split("\r\n", -1);
        assertEquals(5, rows.length, "header, three rows and the empty string after the last CRLF");
        assertEquals("period,from,to,asOf,id,breakdown,group,value,display,numerator,denominator,unit,definition", rows[0]);
        assertEquals("2024-03,2024-03-01,2024-03-31,2024-04-01T00:00Z,contacts,,,12,,12,,count,contacts received in the period (by received date)", rows[1]);
        assertEquals("2024-03,2024-03-01,2024-03-31,2024-04-01T00:00Z,conversion,,,28.9,,3559,12313,percent,"
                + "\"referrals / contacts decided, \"\"as published\"\"\"", rows[2]);
        assertEquals("2024-03,2024-03-01,2024-03-31,2024-04-01T00:00Z,contacts,ethnicity,APKN,,<5,,,count,d", rows[3]);
        assertEquals("", rows[4]);
    }
}
