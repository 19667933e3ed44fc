package org.mash.platform.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A readiness detail that stays UP: a service catching up on a backlog still answers (what it shows says how far
 * behind it is), so it must not be taken out of rotation; the detail says "catching up" and by how much.
 */
@Readiness
@ApplicationScoped
public class FreshnessCheck implements HealthCheck {

    private final Freshness freshness;

    public FreshnessCheck(Freshness freshness) {
        this.freshness = freshness;
    }

    @Override
    public HealthCheckResponse call() {
        Freshness.View view = freshness.view();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("freshness").up().withData("status", view.status());
        if (view.eventsBehind() != null) {
            builder.withData("eventsBehind", view.eventsBehind());
        }
        if (view.newestEventAppliedAt() != null) {
            builder.withData("newestEventAppliedAt", view.newestEventAppliedAt().toString());
        }
        if (view.lagReadAt() != null) {
            builder.withData("lagReadAt", view.lagReadAt().toString());
        }
        return builder.build();
    }
}
