package org.ggzy.sgw.gateway.outbox;

import static org.ggzy.sgw.gateway.config.Sql.nullable;
import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ggzy.sgw.adapters.Delivery;
import org.ggzy.sgw.gateway.config.Dialect;
import org.ggzy.sgw.gateway.config.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code outbox}: deliveries, their leases and outcomes. */
@Repository
class OutboxRepository {

    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private final DatabaseClient db;
    private final boolean postgres;
    private final ObjectMapper json = new ObjectMapper();

    OutboxRepository(DatabaseClient db, Dialect dialect) {
        this.db = db;
        this.postgres = dialect.postgres();
    }

    /** Inserts the deliveries with one multi-row statement per 1,000 (one round trip, in the caller's transaction). */
    Mono<Void> insert(List<OutboxRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (OutboxRow r : rows) {
            values.add(new Object[] {
                r.id(),
                r.destination(),
                r.kind(),
                r.recordId(),
                r.warningId(),
                r.dataset(),
                r.tradeType(),
                r.partitionKey(),
                r.platformCode(),
                r.regionCode(),
                write(r.attributes()),
                r.payload(),
                r.masking(),
                "PENDING",
                0,
                now,
                now,
                now
            });
        }
        return Sql.insert(
                        db,
                        "INSERT INTO outbox (id, destination, kind, record_id, warning_id, dataset, trade_type, "
                                + "partition_key, platform_code, region_code, attributes, payload, masking, "
                                + "status, attempts, next_attempt_at, created_at, updated_at)",
                        "",
                        INSERT_TYPES,
                        values)
                .then();
    }

    private static final Class<?>[] INSERT_TYPES = {
        String.class, String.class, String.class, String.class, String.class, String.class, String.class,
        String.class, String.class, String.class, String.class, String.class, String.class, String.class,
        Integer.class, Instant.class, Instant.class, Instant.class
    };

    /**
     * Claims due deliveries to the given destinations (those this node has an adapter for), in the caller's
     * transaction: rows locked by another claim are skipped, rows for other destinations are left to nodes that can
     * deliver them.
     */
    Mono<List<Claimed>> claim(Instant now, Instant leaseUntil, String node, int limit, Set<String> destinations) {
        if (destinations.isEmpty()) {
            return Mono.just(List.of());
        }
        if (postgres) {
            return claimInOneStatement(now, leaseUntil, node, limit, destinations);
        }
        return db.sql("SELECT id, destination, kind, dataset, trade_type, partition_key, attributes, payload, attempts "
                        + "FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
                        + "AND (lease_until IS NULL OR lease_until <= :now) AND destination IN (:destinations) "
                        + "ORDER BY next_attempt_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .bind("now", utc(now))
                .bind("destinations", List.copyOf(destinations))
                .map(this::claimed)
                .all()
                .collectList()
                .flatMap(claimed -> claimed.isEmpty()
                        ? Mono.just(claimed)
                        : db.sql("UPDATE outbox SET lease_until = :until, leased_by = :node, updated_at = :now "
                                        + "WHERE id IN (:ids)")
                                .bind("until", utc(leaseUntil))
                                .bind("node", node)
                                .bind("now", utc(now))
                                .bind(
                                        "ids",
                                        claimed.stream()
                                                .map(c -> c.delivery().id())
                                                .toList())
                                .then()
                                .thenReturn(claimed));
    }

    /**
     * PostgreSQL: the same claim as one statement (lock, lease and read in one round trip, no transaction of its
     * own needed), in the order the deliveries fell due.
     */
    private Mono<List<Claimed>> claimInOneStatement(
            Instant now, Instant leaseUntil, String node, int limit, Set<String> destinations) {
        return db.sql("UPDATE outbox o SET lease_until = :until, leased_by = :node, updated_at = :now FROM ("
                        + "SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now "
                        + "AND (lease_until IS NULL OR lease_until <= :now) AND destination IN (:destinations) "
                        + "ORDER BY next_attempt_at LIMIT " + limit
                        + " FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id "
                        + "RETURNING o.id, o.destination, o.kind, o.dataset, o.trade_type, o.partition_key, "
                        + "o.attributes, o.payload, o.attempts, o.next_attempt_at")
                .bind("until", utc(leaseUntil))
                .bind("node", node)
                .bind("now", utc(now))
                .bind("destinations", List.copyOf(destinations))
                .map(row -> Map.entry(row.get("next_attempt_at", OffsetDateTime.class), claimed(row)))
                .all()
                .sort(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .collectList();
    }

    /** Whether {@link #claim} needs a transaction around it (the portable claim is two statements). */
    boolean claimNeedsTransaction() {
        return !postgres;
    }

    private Claimed claimed(Readable row) {
        Delivery delivery = new Delivery(
                row.get("id", String.class),
                row.get("destination", String.class),
                row.get("kind", String.class),
                row.get("dataset", String.class),
                row.get("trade_type", String.class),
                row.get("partition_key", String.class),
                row.get("payload", String.class),
                read(row.get("attributes", String.class)));
        return new Claimed(delivery, row.get("attempts", Integer.class));
    }

    /** Marks the deliveries delivered, with one statement per HTTP status (one in all, nearly always). */
    Mono<Void> delivered(List<Delivered> delivered, Instant now) {
        Map<Integer, List<String>> byStatus = new LinkedHashMap<>(); // a null key: answered without a status
        for (Delivered d : delivered) {
            byStatus.computeIfAbsent(d.httpStatus(), k -> new ArrayList<>()).add(d.id());
        }
        return Flux.fromIterable(byStatus.entrySet())
                .concatMap(e -> nullable(
                                db.sql("UPDATE outbox SET status = 'DELIVERED', attempts = attempts + 1, "
                                                + "next_attempt_at = NULL, lease_until = NULL, last_http_status = :http, "
                                                + "delivered_at = :now, updated_at = :now WHERE id IN (:ids) "
                                                + "AND status = 'PENDING'")
                                        .bind("now", utc(now))
                                        .bind("ids", e.getValue()),
                                "http",
                                e.getKey(),
                                Integer.class)
                        .then())
                .then();
    }

    /** A delivery that succeeded, with the HTTP status of the answer (if the destination speaks HTTP). */
    record Delivered(String id, Integer httpStatus) {}

    /** Records a failed attempt: due again at {@code next}, or dead when {@code next} is null. */
    Mono<Void> failed(String id, Instant next, String error, Integer httpStatus, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("UPDATE outbox SET status = :st, attempts = attempts + 1, "
                        + "next_attempt_at = :next, lease_until = NULL, last_error = :err, last_http_status = :http, "
                        + "updated_at = :now WHERE id = :id AND status = 'PENDING'")
                .bind("st", next == null ? "DEAD" : "PENDING")
                .bind("err", error == null ? "unknown" : error)
                .bind("now", utc(now))
                .bind("id", id);
        spec = nullable(spec, "next", utc(next), OffsetDateTime.class);
        spec = nullable(spec, "http", httpStatus, Integer.class);
        return spec.then();
    }

    /**
     * Per destination: deliveries waiting (due or backing off) and dead, and when the oldest waiting one was
     * written. Reads only the rows not yet delivered (index {@code outbox_destination}).
     */
    Mono<List<Map<String, Object>>> backlog() {
        return db.sql("SELECT destination, status, count(*) AS n, min(created_at) AS oldest FROM outbox "
                        + "WHERE status IN ('PENDING', 'DEAD') GROUP BY destination, status ORDER BY destination")
                .map(row -> new Object[] {
                    row.get("destination", String.class),
                    row.get("status", String.class),
                    row.get("n", Long.class),
                    row.get("oldest", OffsetDateTime.class)
                })
                .all()
                .collectList()
                .map(rows -> {
                    Map<String, Map<String, Object>> by = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        Map<String, Object> d = by.computeIfAbsent((String) r[0], k -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("destination", k);
                            m.put("pending", 0L);
                            m.put("dead", 0L);
                            m.put("oldestPendingAt", null);
                            return m;
                        });
                        if ("PENDING".equals(r[1])) {
                            d.put("pending", r[2]);
                            d.put("oldestPendingAt", ((OffsetDateTime) r[3]).toInstant());
                        } else {
                            d.put("dead", r[2]);
                        }
                    }
                    return List.copyOf(by.values());
                });
    }

    Mono<List<DeliveryView>> list(String status, String destination, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        if (status != null) {
            where.add("status = :st");
            binds.put("st", status);
        }
        if (destination != null) {
            where.add("destination = :dest");
            binds.put("dest", destination);
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT id, destination, kind, record_id, warning_id, dataset, "
                + "trade_type, platform_code, region_code, masking, status, attempts, next_attempt_at, last_error, "
                + "last_http_status, created_at, delivered_at FROM outbox"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT " + size + " OFFSET " + (long) page * size);
        for (var b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(OutboxRepository::view).all().collectList();
    }

    /** Puts dead deliveries back in the queue, due now, with their attempts reset. */
    Mono<Long> replay(List<String> ids, String destination, Instant from, Instant to, Instant now) {
        String set = "UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = NULL, "
                + "updated_at = :now WHERE status = 'DEAD' AND ";
        if (ids != null && !ids.isEmpty()) {
            return db.sql(set + "id IN (:ids)")
                    .bind("now", utc(now))
                    .bind("ids", ids)
                    .fetch()
                    .rowsUpdated();
        }
        return db.sql(set + "destination = :dest AND created_at >= :from AND created_at < :to")
                .bind("now", utc(now))
                .bind("dest", destination)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .fetch()
                .rowsUpdated();
    }

    private static DeliveryView view(Readable row) {
        return new DeliveryView(
                row.get("id", String.class),
                row.get("destination", String.class),
                row.get("kind", String.class),
                row.get("record_id", String.class),
                row.get("warning_id", String.class),
                row.get("dataset", String.class),
                row.get("trade_type", String.class),
                row.get("platform_code", String.class),
                row.get("region_code", String.class),
                row.get("masking", String.class),
                row.get("status", String.class),
                row.get("attempts", Integer.class),
                time(row, "next_attempt_at"),
                row.get("last_error", String.class),
                row.get("last_http_status", Integer.class),
                time(row, "created_at"),
                time(row, "delivered_at"));
    }

    private static String time(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }

    private String write(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON", e);
        }
    }

    /** A claimed delivery and the attempts made so far. */
    record Claimed(Delivery delivery, int attempts) {}
}
