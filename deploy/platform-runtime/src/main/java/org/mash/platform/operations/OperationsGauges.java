package org.mash.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What an operator's dashboard and alerts watch, in {@code /q/metrics} (tag {@code service}), refreshed every 10 s
 * from the service's database (so every instance shows the same):
 * {@code mash_dead_letters_open} (records set aside and not yet replayed or discarded),
 * {@code mash_outbox_parked} (events Kafka refused for good), {@code mash_outbox_pending} (events not yet
 * acknowledged by Kafka) and {@code mash_outbox_oldest_pending_seconds} (how long the oldest has waited: a broker
 * outage shows here first). A count that cannot be read (the database down) keeps its last value and logs why.
 */
@ApplicationScoped
public class OperationsGauges {

    private static final Logger LOG = Logger.getLogger(OperationsGauges.class);

    private final MeterRegistry registry;
    private final String service;
    private final AtomicLong deadLettersOpen = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public OperationsGauges(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.registry = registry;
        this.service = service;
    }

    @PostConstruct
    void register() {
        gauge("mash.dead.letters.open", deadLettersOpen, "records set aside by this service's consumers, not yet replayed or discarded");
        gauge("mash.outbox.parked", parked, "events Kafka refused for good, waiting for an operator");
        gauge("mash.outbox.pending", pending, "events written but not yet acknowledged by Kafka");
        gauge("mash.outbox.oldest.pending.seconds", oldestPendingSeconds, "age of the oldest event not yet acknowledged by Kafka");
    }

    private void gauge(String name, AtomicLong value, String description) {
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("service", service).register(registry);
    }

    @Scheduled(every = "${mash.operations.gauge-interval:10s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "select (select count(*) from dead_letter where status = 'OPEN'), "
                                + "(select count(*) from outbox_event where parked_at is not null and published_at is null and discarded_at is null), "
                                + "(select count(*) from outbox_event where published_at is null and discarded_at is null), "
                                + "(select coalesce(extract(epoch from now() - min(created_at)), 0)::bigint from outbox_event "
                                + "where published_at is null and discarded_at is null)", Object[].class)
                        .getSingleResult()))
                .invoke(row -> {
                    deadLettersOpen.set(((Number) row[0]).longValue());
                    parked.set(((Number) row[1]).longValue());
                    pending.set(((Number) row[2]).longValue());
                    oldestPendingSeconds.set(((Number) row[3]).longValue());
                })
                .onFailure().invoke(e -> LOG.debugf("operations gauges not refreshed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public long deadLettersOpen() {
        return deadLettersOpen.get();
    }
}
