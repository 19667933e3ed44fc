package org.mash.contacts.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.contacts.domain.CallbackPolicy;
import org.mash.contacts.repository.AgencyCallback;
import org.mash.contacts.repository.CallbackDelivery;
import org.mash.contacts.repository.Contact;

/**
 * Delivers outcome notifications to the agencies' case systems: signed, retried with backoff until
 * acknowledged. An acknowledgement means the referrer has been told. Several instances share the work without
 * sending one notification twice at once ({@link #claimDue}).
 */
@ApplicationScoped
public class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class);
    static final int BATCH = 10;
    /** Longer than a batch can take to send (10 deliveries of at most 15 s each). */
    static final int LEASE_SECONDS = 300;

    private final ContactService contacts;
    private final Clock clock;
    private final CallbackPolicy policy;
    private final CallbackConfig config;
    private final SealedSecrets secrets;
    private final HttpClient http;

    public CallbackDispatcher(ContactService contacts, Clock clock, CallbackConfig config, SealedSecrets secrets) {
        this.contacts = contacts;
        this.clock = clock;
        this.config = config;
        this.secrets = secrets;
        this.policy = new CallbackPolicy(config.firstRetry(), config.maxRetry());
        // never follows a redirect: a notification goes to the registered host or nowhere
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A delivery with its agency's registration as it is now (URL and secret may have been replaced). */
    record Due(CallbackDelivery delivery, String url, String secret) {
    }

    @Scheduled(every = "${mash.callbacks.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() throws Throwable {
        for (Due d : claimDue()) {
            try {
                record(d.delivery().id, send(d));
            } catch (Throwable e) {
                LOG.warnf("could not record the outcome of notification %s: %s", d.delivery().id, e.toString());
            }
        }
    }

    /**
     * Claims up to {@value #BATCH} due deliveries for this instance: they are locked with {@code SKIP LOCKED}, so two
     * instances never take the same one, and their next attempt is pushed {@value #LEASE_SECONDS} s ahead (a lease:
     * if this instance dies before recording an outcome, another retries once the lease runs out). The outcome
     * replaces the lease.
     */
    List<Due> claimDue() throws Throwable {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                // only agencies still registered: a withdrawn registration must not hold up everyone else's
                .chain(session -> session.createNativeQuery("select d.id from callback_delivery d "
                                + "where d.acknowledged_at is null and d.next_attempt_at <= ?1 "
                                + "and d.agency in (select c.agency from agency_callback c) "
                                + "order by d.next_attempt_at limit " + BATCH + " for update of d skip locked", UUID.class)
                        .setParameter(1, now).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<CallbackDelivery>of())
                        : CallbackDelivery.update("nextAttemptAt = ?1 where id in ?2", now.plusSeconds(LEASE_SECONDS), ids)
                                .chain(() -> CallbackDelivery.<CallbackDelivery>list("id in ?1 order by nextAttemptAt, id", ids)))
                        .chain(deliveries -> AgencyCallback.<AgencyCallback>listAll().map(callbacks -> {
                            Map<String, AgencyCallback> byAgency = callbacks.stream()
                                    .collect(java.util.stream.Collectors.toMap(c -> c.agency, c -> c));
                            return deliveries.stream().filter(d -> byAgency.containsKey(d.agency))
                                    .map(d -> new Due(d, byAgency.get(d.agency).url, byAgency.get(d.agency).secret)).toList();
                        }))));
    }

    /** Posts one notification; returns null when acknowledged, else why not. */
    private String send(Due due) {
        // the host is resolved again at each sending: a name that now points inside the network is not sent to
        String host = URI.create(due.url()).getHost();
        java.util.Optional<org.mash.contacts.domain.Violation> internal = CallbackPolicy.checkAddresses(host,
                CallbackRegistry.resolve(host), config.allowPrivateAddresses());
        if (internal.isPresent()) {
            return "not sent: " + internal.get().message();
        }
        String secret;
        try {
            secret = secrets.open(due.secret());
        } catch (IllegalStateException e) {
            return "not sent: " + e.getMessage(); // retried with backoff until the agency registers again
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(CallbackPolicy.TIMESTAMP_HEADER, timestamp)
                .header(CallbackPolicy.DELIVERY_HEADER, due.delivery().id.toString())
                .header(CallbackPolicy.SIGNATURE_HEADER, CallbackPolicy.signature(secret, timestamp, due.delivery().payload))
                .POST(HttpRequest.BodyPublishers.ofString(due.delivery().payload))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return CallbackPolicy.acknowledged(status) ? null : "HTTP " + status;
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(UUID deliveryId, String error) throws Throwable {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                CallbackDelivery.<CallbackDelivery>findById(deliveryId).chain(delivery -> {
                    delivery.attempts++;
                    if (error == null) {
                        delivery.acknowledgedAt = now;
                        delivery.lastError = null;
                        return Contact.<Contact>findById(delivery.contactId)
                                .chain(contact -> contacts.referrerInformed(contact, "CALLBACK"));
                    }
                    delivery.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
                    delivery.nextAttemptAt = now.plus(policy.backoff(delivery.attempts));
                    LOG.warnf("outcome notification %s to %s not acknowledged (attempt %d): %s; next at %s",
                            delivery.id, delivery.agency, delivery.attempts, error, delivery.nextAttemptAt);
                    return Uni.createFrom().voidItem();
                })));
    }
}
