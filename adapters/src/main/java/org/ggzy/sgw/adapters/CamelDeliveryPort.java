package org.ggzy.sgw.adapters;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;

/**
 * The delivery port on Camel routes, one per enabled destination. Each call is one attempt: the recipient's rate cap
 * (notification destinations), then the destination's circuit breaker (open: {@code RETRY "circuit open"} at once,
 * nothing sent), then the route, started on a Camel thread. The future always completes, and never exceptionally.
 */
public class CamelDeliveryPort implements DeliveryPort {

    private final RouteDispatcher dispatcher;
    private final Map<String, Lane> lanes;

    CamelDeliveryPort(RouteDispatcher dispatcher, List<DestinationRoute> routes, Clock clock) {
        this.dispatcher = dispatcher;
        this.lanes = routes.stream()
                .map(route -> new Lane(
                        route,
                        route.breaker().circuitBreaker("adapter." + route.destination(), CamelDeliveryPort::failed),
                        route.rateCap()
                                .map(cap -> new RecipientRateCap(cap, clock))
                                .orElse(null)))
                .collect(Collectors.toUnmodifiableMap(lane -> lane.route().destination(), Function.identity()));
    }

    @Override
    public CompletableFuture<DeliveryResult> send(Delivery delivery) {
        Lane lane = lanes.get(delivery.destination());
        if (lane == null) {
            return CompletableFuture.completedFuture(DeliveryResult.refused(
                    "no route: destination " + delivery.destination() + " is not enabled", null));
        }
        String recipient = lane.route().recipient(delivery);
        if (lane.cap() != null && recipient != null && !lane.cap().tryAcquire(recipient)) {
            return CompletableFuture.completedFuture(
                    DeliveryResult.retry(lane.cap().cause(), null));
        }
        CircuitBreaker breaker = lane.breaker();
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.completedFuture(DeliveryResult.retry("circuit open", null));
        }
        long start = breaker.getCurrentTimestamp();
        CompletableFuture<DeliveryResult> attempt = dispatcher
                .request(
                        lane.route().inbound(),
                        exchange -> exchange.setProperty(DestinationRoute.DELIVERY, delivery),
                        lane.route().deadline())
                .handle(CamelDeliveryPort::outcome)
                .whenComplete((result, error) ->
                        breaker.onResult(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), result));
        // a copy: a caller that cancels its future must not keep the breaker from counting the attempt
        return attempt.copy();
    }

    @Override
    public Set<String> destinations() {
        return new TreeSet<>(lanes.keySet());
    }

    /** The state of a destination's circuit breaker ({@code null} for a destination without a route). */
    public CircuitBreaker.State breakerState(String destination) {
        Lane lane = lanes.get(destination);
        return lane == null ? null : lane.breaker().getState();
    }

    private static DeliveryResult outcome(Exchange exchange, Throwable error) {
        if (error != null) {
            return Outcomes.forFailure(error);
        }
        if (exchange.getException() != null) {
            return Outcomes.forFailure(exchange.getException());
        }
        return exchange.getMessage().getBody() instanceof DeliveryResult result
                ? result
                : DeliveryResult.retry("the route gave no outcome", null);
    }

    private static boolean failed(Object outcome) {
        return !(outcome instanceof DeliveryResult result) || result.status() == DeliveryResult.Status.RETRY;
    }

    private record Lane(DestinationRoute route, CircuitBreaker breaker, RecipientRateCap cap) {}
}
