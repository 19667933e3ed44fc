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

    public CallbackRegistry(Clock clock) {
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AgencyCallback> register(String agency, String username, String url, String secret) {
        CallbackPolicy.checkRegistration(url, secret).ifPresent(v -> {
            throw ProblemException.invalid(List.of(new Problem.FieldError(v.field(), v.rule(), v.message())));
        });
        return AgencyCallback.<AgencyCallback>findById(agency).chain(existing -> {
            AgencyCallback callback = existing != null ? existing : new AgencyCallback();
            callback.agency = agency;
            callback.url = url;
            callback.secret = secret;
            callback.registeredBy = username;
            callback.registeredAt = OffsetDateTime.now(clock);
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
