package org.mash.contacts.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.mash.contacts.domain.CallbackPolicy;
import org.mash.contacts.repository.AgencyCallback;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;

/** Each agency's outcome notification URL and signing secret. */
@ApplicationScoped
public class CallbackRegistry {

    private final Clock clock;
    private final CallbackConfig config;
    private final SealedSecrets secrets;
    private final io.vertx.mutiny.core.Vertx vertx;

    public CallbackRegistry(Clock clock, CallbackConfig config, SealedSecrets secrets, io.vertx.mutiny.core.Vertx vertx) {
        this.clock = clock;
        this.config = config;
        this.secrets = secrets;
        this.vertx = vertx;
    }

    /**
     * Registers (or replaces) an agency's URL: checked against the operator's list of hosts for that agency, its
     * addresses resolved (off the event loop) and refused if internal, the secret sealed before it is stored.
     */
    public Uni<AgencyCallback> register(String agency, String username, String url, String secret) {
        List<String> allowed = config.allowedHosts().getOrDefault(agency, List.of());
        CallbackPolicy.checkRegistration(url, secret, allowed, config.allowPrivateAddresses()).ifPresent(CallbackRegistry::refuse);
        String host = java.net.URI.create(url).getHost();
        // a name lookup blocks: on a worker, answered back on this request's event loop (where the transaction runs)
        return vertx.executeBlocking(Uni.createFrom().item(() -> resolve(host)))
                .invoke(addresses -> CallbackPolicy.checkAddresses(host, addresses, config.allowPrivateAddresses())
                        .ifPresent(CallbackRegistry::refuse))
                .chain(addresses -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(
                        () -> store(agency, username, url, secrets.seal(secret))));
    }

    /** The addresses a host resolves to now (none if it does not resolve). */
    static List<java.net.InetAddress> resolve(String host) {
        try {
            return List.of(java.net.InetAddress.getAllByName(host));
        } catch (java.net.UnknownHostException e) {
            return List.of();
        }
    }

    private static void refuse(org.mash.contacts.domain.Violation v) {
        throw ProblemException.invalid(List.of(new Problem.FieldError(v.field(), v.rule(), v.message())));
    }

    /** Call inside a transaction. */
    private Uni<AgencyCallback> store(String agency, String username, String url, String sealedSecret) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return AgencyCallback.<AgencyCallback>findById(agency).chain(existing -> {
            AgencyCallback callback = existing != null ? existing : new AgencyCallback();
            callback.agency = agency;
            callback.url = url;
            callback.secret = sealedSecret;
            callback.registeredBy = username;
            callback.registeredAt = now;
            return existing != null ? Uni.createFrom().item(callback) : callback.<AgencyCallback>persist();
        });
    }

    @WithSession
    public Uni<AgencyCallback> find(String agency) {
        return AgencyCallback.<AgencyCallback>findById(agency).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("your agency has no outcome notification URL"));
    }

    @WithTransaction
    public Uni<Void> remove(String agency) {
        return AgencyCallback.deleteById(agency).replaceWithVoid();
    }
}
