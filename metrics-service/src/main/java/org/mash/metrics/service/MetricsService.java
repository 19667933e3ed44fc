package org.mash.metrics.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.mash.metrics.domain.Figure;
import org.mash.metrics.domain.MetricDefinitions;
import org.mash.metrics.domain.Period;
import org.mash.metrics.repository.ContactFact;
import org.mash.metrics.repository.S47Fact;

/** Counts the facts over a period and turns the counts into figures (MASH.md 2.4). */
@ApplicationScoped
public class MetricsService {

    /** The figures of a period as they stand at {@code asOf}. */
    public record Report(Period period, OffsetDateTime asOf, List<Figure> figures) {
    }

    private final Clock clock;

    public MetricsService(Clock clock) {
        this.clock = clock;
    }

    /** The figures of a period, as of now. */
    @WithSession
    public Uni<Report> report(Period period) {
        OffsetDateTime asOf = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return count(period).map(figures -> new Report(period, asOf, figures));
    }

    /** [contacts, referrals, conversion, s47] of the period. */
    @WithSession
    public Uni<List<Figure>> figures(Period period) {
        return count(period);
    }

    /**
     * Call within a session. Contacts count by received time, decisions by authorised time, section 47
     * enquiries by start date; every time is judged on the London calendar. The queries run one after the
     * other: a reactive session runs one at a time.
     */
    public Uni<List<Figure>> count(Period period) {
        OffsetDateTime start = period.start();
        OffsetDateTime end = period.endExclusive();
        return ContactFact.count("receivedAt >= ?1 and receivedAt < ?2", start, end)
                .chain(received -> ContactFact.count("authorisedAt >= ?1 and authorisedAt < ?2", start, end)
                .chain(decided -> ContactFact.count("referral = true and authorisedAt >= ?1 and authorisedAt < ?2", start, end)
                .chain(referrals -> S47Fact.count("startedOn >= ?1 and startedOn <= ?2", period.from(), period.to())
                .map(s47 -> List.of(
                        MetricDefinitions.contacts(received),
                        MetricDefinitions.referrals(referrals),
                        MetricDefinitions.conversion(referrals, decided),
                        MetricDefinitions.s47(s47))))));
    }
}
