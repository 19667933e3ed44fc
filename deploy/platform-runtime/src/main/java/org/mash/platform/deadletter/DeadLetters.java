package org.mash.platform.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mash.platform.failure.Failures;
import org.mash.platform.inbox.EventConsumer;
import org.mash.platform.inbox.Inbox;
import org.mash.platform.problem.Problem;
import org.mash.platform.problem.ProblemException;

/**
 * What operators do with dead letters: list them, replay one or all once the cause is mended (through the same
 * consumer, checks and inbox as a live record, so a replay has exactly one effect), or discard one with a reason.
 * A replay that fails again leaves the dead letter open, with the new reason.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Inbox inbox;
    private final Instance<EventConsumer> consumers;
    private final Clock clock;

    public DeadLetters(Inbox inbox, @Any Instance<EventConsumer> consumers, Clock clock) {
        this.inbox = inbox;
        this.consumers = consumers;
        this.clock = clock;
    }

    /** One dead letter's replay: what it did, or why it still fails. */
    public record ReplayResult(UUID id, String outcome, String error) {
    }

    public Uni<List<DeadLetter>> list(DeadLetter.Status status, int page, int size) {
        return Panache.withSession(() -> (status == null
                ? DeadLetter.<DeadLetter>findAll(Sort.descending("deadLetteredAt", "dlqOffset"))
                : DeadLetter.<DeadLetter>find("status", Sort.descending("deadLetteredAt", "dlqOffset"), status))
                .page(Page.of(page, size)).list());
    }

    public Uni<DeadLetter> get(UUID id) {
        return Panache.withSession(() -> DeadLetter.<DeadLetter>findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no dead letter " + id));
    }

    /** Replays one open dead letter now; a 422 problem with the reason if it still cannot be applied. */
    public Uni<DeadLetter> replay(UUID id, String operator) {
        return get(id).chain(letter -> {
            if (letter.status != DeadLetter.Status.OPEN) {
                return Uni.createFrom().failure(ProblemException.conflict("dead letter " + id + " is "
                        + letter.status + " already"));
            }
            EventConsumer consumer = consumerOf(letter.originalTopic);
            if (consumer == null) {
                return Uni.createFrom().failure(ProblemException.conflict("no consumer of this service reads '"
                        + letter.originalTopic + "'; discard it with a reason instead"));
            }
            String value = letter.value == null ? null : new String(letter.value, StandardCharsets.UTF_8);
            return Uni.createFrom().deferred(() -> inbox.replay(consumer, value))
                    .chain(outcome -> resolve(id, DeadLetter.Status.REPLAYED, operator, switch (outcome) {
                        case APPLIED -> "applied";
                        case ALREADY_APPLIED -> "had been applied already: no further effect";
                        case NOT_HANDLED -> "an event type this consumer passes over: nothing to apply";
                    }))
                    .onFailure(f -> !(f instanceof ProblemException)).recoverWithUni(failure -> {
                        String reason = Failures.reason(failure);
                        LOG.warnf("%s replayed dead letter %s; it still cannot be applied: %s", operator, id, reason);
                        return Panache.withTransaction(() -> DeadLetter.update(
                                        "replayAttempts = replayAttempts + 1, lastReplayError = ?1 where id = ?2",
                                        DeadLetterIndexer.clean(reason, 4000), id))
                                .chain(() -> Uni.createFrom().failure(new ProblemException(Problem.of(422,
                                        "Still cannot be applied", "the record still cannot be applied: " + reason
                                                + "; mend the cause and replay it again, or discard it with a reason",
                                        List.of()))));
                    });
        });
    }

    /** Replays every open dead letter, oldest first, each on its own; says what each did. */
    public Uni<List<ReplayResult>> replayAll(String operator) {
        return Panache.withSession(() -> DeadLetter.<DeadLetter>find("status", Sort.ascending("deadLetteredAt", "dlqOffset"),
                        DeadLetter.Status.OPEN).page(0, 1000).list())
                .chain(open -> {
                    List<ReplayResult> results = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DeadLetter letter : open) {
                        chain = chain.chain(() -> replay(letter.id, operator)
                                .invoke(done -> results.add(new ReplayResult(letter.id, done.resolutionNote, null)))
                                .onFailure().invoke(e -> results.add(new ReplayResult(letter.id, "still failing",
                                        e instanceof ProblemException p ? p.problem().detail() : Failures.reason(e))))
                                .onFailure().recoverWithNull()
                                .replaceWithVoid());
                    }
                    return chain.replaceWith(results);
                });
    }

    /** Discards one open dead letter: it will not be applied; who and why are kept. */
    public Uni<DeadLetter> discard(UUID id, String operator, String reason) {
        return get(id).chain(letter -> letter.status != DeadLetter.Status.OPEN
                ? Uni.createFrom().failure(ProblemException.conflict("dead letter " + id + " is " + letter.status + " already"))
                : resolve(id, DeadLetter.Status.DISCARDED, operator, reason));
    }

    private Uni<DeadLetter> resolve(UUID id, DeadLetter.Status status, String operator, String note) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return Panache.withTransaction(() -> DeadLetter.update("status = ?1, resolvedAt = ?2, resolvedBy = ?3, "
                                + "resolutionNote = ?4, version = version + 1 where id = ?5 and status = ?6",
                        status, now, operator, note, id, DeadLetter.Status.OPEN))
                .chain(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict("dead letter " + id
                                + " was resolved by someone else at the same time"));
                    }
                    LOG.infof("%s %s dead letter %s: %s", operator, status == DeadLetter.Status.REPLAYED ? "replayed" : "discarded",
                            id, note);
                    return get(id);
                });
    }

    private EventConsumer consumerOf(String topic) {
        if (topic == null) {
            return null;
        }
        for (EventConsumer consumer : consumers) {
            if (consumer.reads(topic)) {
                return consumer;
            }
        }
        return null;
    }
}
