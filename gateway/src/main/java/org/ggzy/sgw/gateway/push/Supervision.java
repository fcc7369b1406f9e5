package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.ggzy.sgw.gateway.lifecycle.Arrival;
import org.ggzy.sgw.gateway.lifecycle.CreditCheck;
import org.ggzy.sgw.gateway.lifecycle.LifecycleService;
import org.ggzy.sgw.gateway.lifecycle.PushLate;
import org.ggzy.sgw.gateway.lifecycle.Subjects;
import org.ggzy.sgw.gateway.outbox.OutboxRelay;
import org.ggzy.sgw.gateway.outbox.OutboxWriter;
import org.ggzy.sgw.gateway.ownership.ProjectOwnership;
import org.ggzy.sgw.gateway.warning.WarningBus;
import org.ggzy.sgw.gateway.warning.WarningChange;
import org.ggzy.sgw.schemas.Dataset;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the push path hands its accepted records to: lifecycle and rules, the lag measure, the outbox; and, after the
 * commit, the warning bus and the outbox relay.
 */
@Component
class Supervision {

    private final LifecycleService lifecycle;
    private final PushLate pushLate;
    private final WarningBus bus;
    private final OutboxWriter outbox;
    private final OutboxRelay relay;
    private final CreditCheck credit;
    private final ProjectOwnership ownership;

    Supervision(
            LifecycleService lifecycle,
            PushLate pushLate,
            WarningBus bus,
            OutboxWriter outbox,
            AfterCommit afterCommit,
            ProjectOwnership ownership) {
        this.lifecycle = lifecycle;
        this.ownership = ownership;
        this.pushLate = pushLate;
        this.bus = bus;
        this.outbox = outbox;
        this.relay = afterCommit.relay();
        this.credit = afterCommit.credit();
    }

    /** What runs once a push has committed. */
    @Component
    record AfterCommit(OutboxRelay relay, CreditCheck credit) {}

    LifecycleService lifecycle() {
        return lifecycle;
    }

    ProjectOwnership ownership() {
        return ownership;
    }

    PushLate pushLate() {
        return pushLate;
    }

    /** Writes the deliveries of the accepted records (in the push transaction). */
    Mono<Integer> deliveries(String platform, String platformRegion, List<Arrival> arrivals, Instant now) {
        return outbox.records(
                arrivals.stream()
                        .map(a -> new OutboxWriter.AcceptedRecord(
                                a.dataset(),
                                a.recordId(),
                                platform,
                                a.dataKey(),
                                region(a.dataset(), a.node(), platformRegion),
                                section(a.dataset(), a.node()),
                                a.node()))
                        .toList(),
                now);
    }

    /**
     * After the commit: tells every node's streams and this node's relay, and starts the credit check of the
     * parties just received (the receipt does not wait for the credit database).
     */
    Mono<Void> committed(
            List<WarningChange> changes, int deliveries, String platform, String region, List<Arrival> arrivals) {
        if (deliveries > 0) {
            relay.wake();
        }
        if (arrivals.stream()
                .anyMatch(a -> CreditCheck.PARTIES.containsKey(a.dataset().id().value()))) {
            credit.check(platform, region, arrivals).subscribe();
        }
        return bus.publish(changes);
    }

    private static String region(Dataset dataset, JsonNode node, String fallback) {
        String named = Subjects.region(dataset, node);
        return named == null ? fallback : named;
    }

    /** The record's (first) section, or its project when it names none. */
    private static String section(Dataset dataset, JsonNode node) {
        return Subjects.of(dataset, node).stream()
                .findFirst()
                .map(k -> k.projectLevel() ? k.project() : k.section())
                .orElse(null);
    }
}
