package org.ggzy.sgw.gateway.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Delivery of accepted records and warnings to downstream systems: the routing table, what each destination may see,
 * and the relay.
 *
 * @param routes which records and warnings go to which destination (none by default: nothing is delivered)
 * @param destinations per destination: whether it is entitled to personal data (else the catalogue's personal-data
 *     fields are masked)
 * @param relayInterval how often each node's relay looks for due deliveries (it also wakes after every commit that
 *     wrote some)
 * @param wakeDelay how long the relay waits after such a wake-up before it claims, so that one claim takes the
 *     deliveries of many pushes instead of one each
 * @param batchSize how many deliveries one claim takes
 * @param concurrency how many deliveries a node has in flight at once
 * @param lease how long a claimed delivery is reserved for the node that claimed it; after that any node may take it
 * @param maxAttempts attempts before a delivery is dead (the dead-letter queue)
 * @param backoffBase the wait after the first failed attempt; doubled after each further one
 * @param backoffMax the longest wait between attempts
 */
@Validated
@ConfigurationProperties("sgw.delivery")
public record DeliveryProperties(
        @Valid List<Route> routes,
        Map<String, Destination> destinations,
        @DefaultValue("1s") @NotNull Duration relayInterval,
        @DefaultValue("50ms") @NotNull Duration wakeDelay,
        @DefaultValue("100") @Positive int batchSize,
        @DefaultValue("16") @Positive int concurrency,
        @DefaultValue("60s") @NotNull Duration lease,
        @DefaultValue("8") @Positive int maxAttempts,
        @DefaultValue("2s") @NotNull Duration backoffBase,
        @DefaultValue("10m") @NotNull Duration backoffMax) {

    public DeliveryProperties {
        routes = routes == null ? List.of() : List.copyOf(routes);
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    /**
     * One line of the routing table: what matches all its non-empty lists goes to {@code destination}.
     *
     * @param destination the adapter, e.g. {@code provincial}, {@code credit}, {@code kafka}, {@code sms}
     * @param kinds {@code RECORD}, {@code WARNING} (empty: both)
     * @param datasets data sets (empty: all)
     * @param tradeTypes trade types (empty: all)
     * @param regions region codes; a code covers its sub-regions (empty: all)
     * @param severities for warnings: severities (empty: all)
     */
    public record Route(
            @NotBlank String destination,
            List<String> kinds,
            List<String> datasets,
            List<String> tradeTypes,
            List<String> regions,
            List<String> severities) {

        public Route {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            datasets = datasets == null ? List.of() : List.copyOf(datasets);
            tradeTypes = tradeTypes == null ? List.of() : List.copyOf(tradeTypes);
            regions = regions == null ? List.of() : List.copyOf(regions);
            severities = severities == null ? List.of() : List.copyOf(severities);
        }
    }

    /**
     * What a destination may receive.
     *
     * @param personalData whether it is entitled to personal data (identity numbers, expert names, ...)
     */
    public record Destination(@DefaultValue("false") boolean personalData) {}
}
