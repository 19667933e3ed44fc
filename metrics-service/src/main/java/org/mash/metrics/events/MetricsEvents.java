package org.mash.metrics.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.Period;

/** The events this service publishes on {@code mash.metrics.v1}: figures only, never personal data. */
public final class MetricsEvents {

    public static final String TOPIC = "mash.metrics.v1";
    public static final String FIGURES_UPDATED = "mash.metrics.figures-updated.v1";

    private MetricsEvents() {
    }

    public record PeriodV1(String label, LocalDate from, LocalDate to) {
        public static PeriodV1 of(Period period) {
            return new PeriodV1(period.label(), period.from(), period.to());
        }
    }

    /** Keyed and subject by the period label. */
    public record FiguresUpdatedV1(PeriodV1 period, OffsetDateTime asOf, List<Figure> figures) {
    }
}
