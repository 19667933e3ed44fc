package org.mash.platform.operations;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mash.platform.deadletter.DeadLetter;
import org.mash.platform.deadletter.DeadLetters;
import org.mash.platform.outbox.OutboxEvent;
import org.mash.platform.outbox.ParkedEvents;
import org.mash.platform.problem.Paging;
import org.mash.platform.problem.QueryParams;
import org.mash.platform.security.Caller;
import org.mash.platform.security.Roles;

/**
 * The operator's view of what the service could not get through: records its consumers set aside (dead letters) and
 * events Kafka refused for good (parked). Shows keys, event ids and types, reasons and times, never a record's
 * content (it may be a child's record); replays, retries and discards are logged with the operator's name.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations", description = "Dead letters and parked events: see them, replay or retry them, or discard them")
public class OperationsResource {

    private final DeadLetters deadLetters;
    private final ParkedEvents parked;
    private final Caller caller;

    public OperationsResource(DeadLetters deadLetters, ParkedEvents parked, Caller caller) {
        this.deadLetters = deadLetters;
        this.parked = parked;
        this.caller = caller;
    }

    /** A dead letter as operators see it (no record content). */
    public record DeadLetterView(UUID id, OffsetDateTime deadLetteredAt, String originalTopic, Integer originalPartition,
                                 Long originalOffset, String key, String eventId, String eventType, String reason,
                                 String cause, DeadLetter.Status status, int replayAttempts, String lastReplayError,
                                 OffsetDateTime resolvedAt, String resolvedBy, String resolutionNote) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.id, d.deadLetteredAt, d.originalTopic, d.originalPartition, d.originalOffset,
                    d.messageKey, d.eventId, d.eventType, d.reason, d.cause, d.status, d.replayAttempts, d.lastReplayError,
                    d.resolvedAt, d.resolvedBy, d.resolutionNote);
        }
    }

    public record DeadLetterPage(int page, int size, List<DeadLetterView> items) {
    }

    public record ReplayAll(int replayed, int stillFailing, List<DeadLetters.ReplayResult> results) {
    }

    /** An event Kafka refused for good, and how many later events of its key wait behind it. */
    public record ParkedView(UUID id, String topic, String key, String type, Long seq, OffsetDateTime createdAt,
                             OffsetDateTime parkedAt, int attempts, String lastError, long waitingBehind,
                             OffsetDateTime discardedAt, String discardedBy, String discardReason) {
        static ParkedView of(OutboxEvent e, long waitingBehind) {
            return new ParkedView(e.id, e.topic, e.messageKey, e.type, e.seq, e.createdAt, e.parkedAt, e.attempts, e.lastError,
                    waitingBehind, e.discardedAt, e.discardedBy, e.discardReason);
        }
    }

    public record ParkedPage(int page, int size, List<ParkedView> items) {
    }

    /** Why something is discarded: kept with it. */
    public record Discard(@NotBlank @Size(max = 2000) String reason) {
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Records this service's consumers set aside, newest first, with the reason")
    public Uni<DeadLetterPage> deadLetters(@QueryParam("status") String statusParam,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                           @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        DeadLetter.Status status = QueryParams.oneOf("status", statusParam, DeadLetter.Status.class);
        return deadLetters.list(status, page, size)
                .map(rows -> new DeadLetterPage(page, size, rows.stream().map(DeadLetterView::of).toList()));
    }

    @GET
    @Path("/dead-letters/{id}")
    @Operation(summary = "One dead letter")
    public Uni<DeadLetterView> deadLetter(@PathParam("id") UUID id) {
        return deadLetters.get(id).map(DeadLetterView::of);
    }

    @POST
    @Path("/dead-letters/{id}/replay")
    @Operation(summary = "Applies one dead letter again, now; 422 with the reason if it still cannot be applied")
    public Uni<DeadLetterView> replay(@PathParam("id") UUID id) {
        return deadLetters.replay(id, caller.username()).map(DeadLetterView::of);
    }

    @POST
    @Path("/dead-letters/replay")
    @Operation(summary = "Applies every open dead letter again, oldest first, and says what each did")
    public Uni<ReplayAll> replayAll() {
        return deadLetters.replayAll(caller.username()).map(results -> {
            int failing = (int) results.stream().filter(r -> r.error() != null).count();
            return new ReplayAll(results.size() - failing, failing, results);
        });
    }

    @POST
    @Path("/dead-letters/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discards one dead letter with a reason: it will not be applied")
    public Uni<DeadLetterView> discard(@PathParam("id") UUID id, @NotNull @Valid Discard discard) {
        return deadLetters.discard(id, caller.username(), discard.reason()).map(DeadLetterView::of);
    }

    @GET
    @Path("/outbox/parked")
    @Operation(summary = "Events Kafka refused for good, oldest first, with the error and what waits behind each")
    public Uni<ParkedPage> parkedEvents(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return parked.list(page, size).map(rows -> new ParkedPage(page, size,
                rows.stream().map(p -> ParkedView.of(p.event(), p.waitingBehind())).toList()));
    }

    @POST
    @Path("/outbox/{id}/retry")
    @Operation(summary = "Puts a parked event back in line, once its cause is mended")
    public Uni<ParkedView> retry(@PathParam("id") UUID id) {
        return parked.retry(id, caller.username()).map(e -> ParkedView.of(e, 0));
    }

    @POST
    @Path("/outbox/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discards a parked event with a reason: it is never sent, and its key's later events go on")
    public Uni<ParkedView> discardParked(@PathParam("id") UUID id, @NotNull @Valid Discard discard) {
        return parked.discard(id, caller.username(), discard.reason()).map(e -> ParkedView.of(e, 0));
    }
}
