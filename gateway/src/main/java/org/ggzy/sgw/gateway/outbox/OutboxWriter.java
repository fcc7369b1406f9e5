package org.ggzy.sgw.gateway.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.adapters.Delivery;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.schemas.Dataset;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the outbox rows of a record or a warning, in the caller's transaction (so a delivery exists exactly when
 * what it delivers was committed), masked for each destination by its entitlement, the policy applied recorded with
 * the row. Then wakes this node's relay once the transaction has committed.
 */
@Component
public class OutboxWriter {

    private final OutboxRouter router;
    private final DeliveryProperties properties;
    private final OutboxRepository repository;
    private final ObjectMapper json = new ObjectMapper();

    OutboxWriter(DeliveryProperties properties, OutboxRepository repository) {
        this.router = new OutboxRouter(properties.routes());
        this.properties = properties;
        this.repository = repository;
    }

    /** The deliveries of records just accepted. */
    public Mono<Integer> records(List<AcceptedRecord> records, Instant now) {
        if (router.isEmpty() || records.isEmpty()) {
            return Mono.just(0);
        }
        List<OutboxRow> rows = new ArrayList<>();
        for (AcceptedRecord r : records) {
            Dataset dataset = r.dataset();
            String id = dataset.id().value();
            for (String destination :
                    router.destinations(Delivery.RECORD, id, dataset.tradeType(), r.regionCode(), null)) {
                Masking.Masked masked = Masking.apply(r.node(), dataset.personalData(), entitled(destination));
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("platformCode", r.platformCode());
                attributes.put("dataKey", r.dataKey());
                put(attributes, "regionCode", r.regionCode());
                put(attributes, "sectionCode", r.sectionCode());
                rows.add(new OutboxRow(
                        Ids.next(),
                        destination,
                        Delivery.RECORD,
                        r.recordId(),
                        null,
                        id,
                        dataset.tradeType(),
                        partitionKey(r),
                        r.platformCode(),
                        r.regionCode(),
                        attributes,
                        masked.payload(),
                        masked.policy()));
            }
        }
        return repository.insert(rows, now).thenReturn(rows.size());
    }

    /** The deliveries of a warning just raised (warnings carry no personal data: their evidence is masked too). */
    public Mono<Integer> warning(Map<String, Object> warning, Instant now) {
        if (router.isEmpty()) {
            return Mono.just(0);
        }
        String dataset = (String) warning.get("dataset");
        String tradeType = (String) warning.get("tradeType");
        String region = (String) warning.get("regionCode");
        String severity = (String) warning.get("severity");
        List<OutboxRow> rows = new ArrayList<>();
        for (String destination : router.destinations(Delivery.WARNING, dataset, tradeType, region, severity)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            put(attributes, "platformCode", (String) warning.get("platformCode"));
            put(attributes, "regionCode", region);
            put(attributes, "rule", (String) warning.get("rule"));
            put(attributes, "severity", severity);
            String section = (String) warning.get("bidSectionCode");
            rows.add(new OutboxRow(
                    Ids.next(),
                    destination,
                    Delivery.WARNING,
                    null,
                    (String) warning.get("id"),
                    dataset,
                    tradeType,
                    section == null || section.isEmpty() ? (String) warning.get("tenderProjectCode") : section,
                    (String) warning.get("platformCode"),
                    region,
                    attributes,
                    write(warning),
                    "none"));
        }
        return repository.insert(rows, now).thenReturn(rows.size());
    }

    private boolean entitled(String destination) {
        DeliveryProperties.Destination d = properties.destinations().get(destination);
        return d != null && d.personalData();
    }

    private static String partitionKey(AcceptedRecord r) {
        JsonNode deal = r.node().get("UNIFIED_DEAL_CODE");
        if (deal != null && deal.isTextual() && !deal.asText().isBlank()) {
            return deal.asText();
        }
        return r.sectionCode();
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value != null && !value.isEmpty()) {
            attributes.put(key, value);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A record accepted in this transaction, as delivery needs it.
     *
     * @param sectionCode its (first) section, or its project when it names none
     */
    public record AcceptedRecord(
            Dataset dataset,
            String recordId,
            String platformCode,
            String dataKey,
            String regionCode,
            String sectionCode,
            JsonNode node) {}
}
