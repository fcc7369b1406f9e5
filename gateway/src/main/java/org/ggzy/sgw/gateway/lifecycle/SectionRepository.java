package org.ggzy.sgw.gateway.lifecycle;

import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ggzy.sgw.gateway.config.Dialect;
import org.ggzy.sgw.gateway.config.Sql;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code sections} and {@code section_records}: which records belong to which section, and the sections' states. Every
 * method takes all the sections of a push at once: on PostgreSQL each is one statement, whatever the number of
 * sections; on the embedded H2 the upserts take a statement a section.
 */
@Repository
class SectionRepository {

    private static final Class<?>[] SECTION_TYPES = {
        String.class, String.class, String.class, String.class, String.class, Instant.class, Instant.class
    };
    private static final Class<?>[] ATTACH_TYPES = {
        String.class, String.class, String.class, String.class, String.class, String.class, String.class, Instant.class
    };

    private final DatabaseClient db;
    private final Dialect dialect;
    private final RecordNodes nodes;
    private final ObjectMapper json = new ObjectMapper();

    SectionRepository(DatabaseClient db, Dialect dialect, RecordNodes nodes) {
        this.db = db;
        this.dialect = dialect;
        this.nodes = nodes;
    }

    /**
     * Creates the sections that are new and locks every one until the transaction ends, in key order (so that
     * concurrent pushes cannot deadlock); a section without a region takes the one named for it. Returns each
     * section's region code ({@code ""} when unknown).
     */
    Mono<Map<SectionKey, String>> lock(
            Collection<SectionKey> keys, Map<SectionKey, String> named, String platform, Instant now) {
        List<SectionKey> ordered = new ArrayList<>(new java.util.TreeSet<>(keys));
        if (ordered.isEmpty()) {
            return Mono.just(Map.of());
        }
        if (!dialect.postgres()) {
            Map<SectionKey, String> regions = new LinkedHashMap<>();
            return Flux.fromIterable(ordered)
                    .concatMap(
                            key -> lockOne(key, named.get(key), platform, now).doOnNext(r -> regions.put(key, r)))
                    .then(Mono.fromSupplier(() -> regions));
        }
        List<Object[]> rows = ordered.stream()
                .map(k -> new Object[] {
                    k.tradeType(), k.project(), k.section(), regionOrEmpty(named.get(k)), platform, now, now
                })
                .toList();
        return db.inConnectionMany(
                        connection -> Flux.fromIterable(Sql.chunks(rows)).concatMap(chunk -> Flux.from(Sql.rows(
                                                connection,
                                                "INSERT INTO sections (trade_type, project_code, section_code, region_code, "
                                                        + "platform_code, created_at, updated_at)",
                                                "ON CONFLICT (trade_type, project_code, section_code) DO UPDATE SET "
                                                        + "region_code = CASE WHEN COALESCE(sections.region_code, '') = '' "
                                                        + "THEN EXCLUDED.region_code ELSE sections.region_code END, "
                                                        + "updated_at = CASE WHEN COALESCE(sections.region_code, '') = '' "
                                                        + "AND EXCLUDED.region_code <> '' THEN EXCLUDED.updated_at "
                                                        + "ELSE sections.updated_at END "
                                                        + "RETURNING trade_type, project_code, section_code, region_code",
                                                SECTION_TYPES,
                                                chunk)
                                        .execute())
                                .concatMap(result -> result.map((row, meta) -> Map.entry(
                                        new SectionKey(
                                                row.get("trade_type", String.class),
                                                row.get("project_code", String.class),
                                                row.get("section_code", String.class)),
                                        regionOrEmpty(row.get("region_code", String.class)))))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
    }

    /** One section: created if new, locked, its region set if it had none; its region. */
    private Mono<String> lockOne(SectionKey key, String region, String platform, Instant now) {
        return db.sql("INSERT INTO sections (trade_type, project_code, section_code, region_code, platform_code, "
                        + "created_at, updated_at) VALUES (:t, :p, :s, :r, :pl, :now, :now) ON CONFLICT DO NOTHING")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .bind("r", regionOrEmpty(region))
                .bind("pl", platform)
                .bind("now", utc(now))
                .then()
                .then(db.sql("SELECT region_code FROM sections WHERE trade_type = :t AND project_code = :p "
                                + "AND section_code = :s FOR UPDATE")
                        .bind("t", key.tradeType())
                        .bind("p", key.project())
                        .bind("s", key.section())
                        .map((row, meta) -> regionOrEmpty(row.get("region_code", String.class)))
                        .one())
                .flatMap(stored -> stored.isEmpty() && region != null && !region.isEmpty()
                        ? db.sql("UPDATE sections SET region_code = :r, updated_at = :now WHERE trade_type = :t "
                                        + "AND project_code = :p AND section_code = :s")
                                .bind("r", region)
                                .bind("now", utc(now))
                                .bind("t", key.tradeType())
                                .bind("p", key.project())
                                .bind("s", key.section())
                                .then()
                                .thenReturn(region)
                        : Mono.just(stored));
    }

    /** Points the sections at the records' current versions (of one record attached twice, the later version). */
    Mono<Void> attach(List<Attachment> attachments, String platform, Instant at) {
        if (attachments.isEmpty()) {
            return Mono.empty();
        }
        Map<List<String>, Attachment> latest = new LinkedHashMap<>();
        for (Attachment a : attachments) {
            latest.merge(
                    List.of(a.key().tradeType(), a.key().project(), a.key().section(), a.dataset(), a.dataKey()),
                    a,
                    (x, y) -> x.recordId().compareTo(y.recordId()) >= 0 ? x : y);
        }
        if (!dialect.postgres()) {
            return Flux.fromIterable(latest.values())
                    .concatMap(a -> attachOne(a, platform, at))
                    .then();
        }
        List<Object[]> rows = latest.values().stream()
                .map(a -> new Object[] {
                    a.key().tradeType(),
                    a.key().project(),
                    a.key().section(),
                    platform,
                    a.dataset(),
                    a.dataKey(),
                    a.recordId(),
                    at
                })
                .toList();
        return Sql.insert(
                        db,
                        "INSERT INTO section_records (trade_type, project_code, section_code, "
                                + "platform_code, dataset, data_key, record_id, received_at)",
                        "ON CONFLICT (trade_type, project_code, section_code, platform_code, dataset, "
                                + "data_key) DO UPDATE SET record_id = EXCLUDED.record_id, "
                                + "received_at = EXCLUDED.received_at",
                        ATTACH_TYPES,
                        rows)
                .then();
    }

    private Mono<Void> attachOne(Attachment a, String platform, Instant at) {
        SectionKey key = a.key();
        return db.sql("INSERT INTO section_records (trade_type, project_code, section_code, platform_code, dataset, "
                        + "data_key, record_id, received_at) VALUES (:t, :p, :s, :pl, :d, :k, :id, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .bind("pl", platform)
                .bind("d", a.dataset())
                .bind("k", a.dataKey())
                .bind("id", a.recordId())
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? Mono.empty()
                        : db.sql("UPDATE section_records SET record_id = :id, received_at = :at WHERE trade_type = :t "
                                        + "AND project_code = :p AND section_code = :s AND platform_code = :pl "
                                        + "AND dataset = :d AND data_key = :k")
                                .bind("id", a.recordId())
                                .bind("at", utc(at))
                                .bind("t", key.tradeType())
                                .bind("p", key.project())
                                .bind("s", key.section())
                                .bind("pl", platform)
                                .bind("d", a.dataset())
                                .bind("k", a.dataKey())
                                .then());
    }

    /** The sections of these projects (not the project rows themselves), in lock order. */
    Flux<SectionKey> sectionsOf(Collection<SectionKey> projects) {
        if (projects.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT trade_type, project_code, section_code FROM sections WHERE (trade_type, project_code) "
                        + "IN (:projects) AND section_code <> '' ORDER BY trade_type, project_code, section_code")
                .bind(
                        "projects",
                        projects.stream()
                                .map(k -> new Object[] {k.tradeType(), k.project()})
                                .toList())
                .map((row, meta) -> new SectionKey(
                        row.get("trade_type", String.class),
                        row.get("project_code", String.class),
                        row.get("section_code", String.class)))
                .all();
    }

    /**
     * The current version of every record of each section and of its project, in one query for all of them, each
     * section's records in the order they arrived. Payloads already parsed (records are immutable) are taken from
     * {@link RecordNodes} instead of being parsed again.
     */
    Mono<Map<SectionKey, SectionState>> states(Collection<SectionKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<Object[]> projects = keys.stream()
                .map(k -> List.of(k.tradeType(), k.project()))
                .distinct()
                .map(List::toArray)
                .toList();
        List<Object[]> sections = keys.stream()
                .map(k -> new Object[] {k.tradeType(), k.project(), k.section()})
                .toList();
        // the rows without their payloads; the payloads the cache does not hold are read by id afterwards (a
        // section's records are read again on every push that touches it, their payloads mostly only once)
        return db.sql("SELECT trade_type, project_code, section_code, dataset, platform_code, data_key, record_id, "
                        + "received_at FROM section_records WHERE (trade_type, project_code) IN (:projects) "
                        + "AND (section_code = '' OR (trade_type, project_code, section_code) IN (:sections)) "
                        + "ORDER BY received_at, record_id")
                .bind("projects", projects)
                .bind("sections", sections)
                .map((row, meta) -> new Row(
                        new SectionKey(
                                row.get("trade_type", String.class),
                                row.get("project_code", String.class),
                                row.get("section_code", String.class)),
                        row.get("dataset", String.class),
                        row.get("platform_code", String.class),
                        row.get("data_key", String.class),
                        row.get("record_id", String.class),
                        row.get("received_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .flatMap(this::withPayloads)
                .map(rows -> {
                    Map<SectionKey, List<SectionRecord>> bySection = new TreeMap<>();
                    keys.forEach(k -> bySection.put(k, new ArrayList<>()));
                    for (Map.Entry<SectionKey, SectionRecord> e : rows) {
                        SectionKey where = e.getKey();
                        if (where.projectLevel()) {
                            bySection.forEach((k, list) -> {
                                if (k.tradeType().equals(where.tradeType())
                                        && k.project().equals(where.project())) {
                                    list.add(e.getValue());
                                }
                            });
                        } else {
                            List<SectionRecord> list = bySection.get(where);
                            if (list != null) {
                                list.add(e.getValue());
                            }
                        }
                    }
                    Map<SectionKey, SectionState> states = new TreeMap<>();
                    bySection.forEach((k, list) ->
                            states.put(k, new SectionState(k.tradeType(), k.project(), k.section(), list)));
                    return states;
                });
    }

    /** A row of a section's state, before its payload is added. */
    private record Row(
            SectionKey key, String dataset, String platform, String dataKey, String recordId, Instant receivedAt) {}

    /** The rows with their parsed payloads: from the cache, else read (one query per 1,000 ids) and parsed. */
    private Mono<List<Map.Entry<SectionKey, SectionRecord>>> withPayloads(List<Row> rows) {
        Map<String, JsonNode> found = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Row r : rows) {
            JsonNode node = nodes.peek(r.recordId());
            if (node != null) {
                found.put(r.recordId(), node);
            } else if (!found.containsKey(r.recordId())) {
                found.put(r.recordId(), null);
                missing.add(r.recordId());
            }
        }
        Mono<Void> read = missing.isEmpty()
                ? Mono.empty()
                : Flux.fromIterable(Sql.chunks(missing))
                        .concatMap(ids -> db.sql("SELECT id, payload FROM records WHERE id IN (:ids)")
                                .bind("ids", ids)
                                .map((row, meta) ->
                                        Map.entry(row.get("id", String.class), row.get("payload", String.class)))
                                .all())
                        .doOnNext(e -> found.put(e.getKey(), nodes.get(e.getKey(), e.getValue(), this::parse)))
                        .then();
        return read.then(Mono.fromCallable(() -> {
            List<Map.Entry<SectionKey, SectionRecord>> entries = new ArrayList<>(rows.size());
            for (Row r : rows) {
                JsonNode node = found.get(r.recordId());
                if (node == null) {
                    throw new IllegalStateException("record " + r.recordId() + " of a section is missing");
                }
                entries.add(Map.entry(
                        r.key(),
                        new SectionRecord(r.dataset(), r.platform(), r.dataKey(), r.recordId(), r.receivedAt(), node)));
            }
            return entries;
        }));
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record is not JSON", e);
        }
    }

    private static String regionOrEmpty(String region) {
        return region == null ? "" : region;
    }

    /** A record version to attach to a section. */
    record Attachment(SectionKey key, String dataset, String dataKey, String recordId) {}
}
