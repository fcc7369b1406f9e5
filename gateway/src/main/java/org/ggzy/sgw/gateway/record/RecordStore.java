package org.ggzy.sgw.gateway.record;

import static org.ggzy.sgw.gateway.config.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.config.Sql;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Append-only {@code records}, their {@code record_heads} and the {@code receipts}. Callers run {@link #apply} and
 * the inserts inside one transaction: the unique key of {@code record_heads} makes sure that of two concurrent
 * pushes of the same record only one is accepted (the other waits on the row lock, then sees a duplicate).
 */
@Repository
public class RecordStore {

    private static final Comparator<IncomingRecord> LOCK_ORDER =
            Comparator.comparing(IncomingRecord::dataKey).thenComparingInt(IncomingRecord::index);

    private final DatabaseClient db;

    RecordStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Decides each record's status against its head and moves the heads. New heads are inserted in one statement,
     * in {@code DATA_KEY} order (so that concurrent batches take their locks in the same order and cannot deadlock);
     * only when some already existed are those locked (one statement, same order) and judged, each moved head one
     * update. Records of one push with the same {@code DATA_KEY} are judged in turn, each against the one before.
     * Returns the outcomes by index.
     */
    public Mono<List<Applied>> apply(
            String platform, String dataset, Instant receivedAt, List<IncomingRecord> records) {
        if (records.isEmpty()) {
            return Mono.just(List.of());
        }
        List<IncomingRecord> ordered = new ArrayList<>(records);
        ordered.sort(LOCK_ORDER);
        Map<IncomingRecord, String> ids = new IdentityHashMap<>();
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (IncomingRecord r : ordered) {
            String id = Ids.next();
            ids.put(r, id);
            rows.add(new Object[] {
                platform, dataset, r.dataKey(), id, 1, r.dataTimestamp(), r.contentDigest(), receivedAt
            });
        }
        return Sql.insert(
                        db,
                        "INSERT INTO record_heads (platform_code, dataset, data_key, record_id, version, "
                                + "data_timestamp, content_digest, updated_at)",
                        "ON CONFLICT DO NOTHING",
                        HEAD_TYPES,
                        rows)
                .flatMap(inserted -> inserted == ordered.size()
                        ? Mono.just(ordered.stream()
                                .map(r -> new Applied(r.index(), RecordStatus.ACCEPTED, 1, ids.get(r)))
                                .toList())
                        : lockHeads(platform, dataset, ordered)
                                .flatMap(heads -> judge(platform, dataset, receivedAt, ordered, ids, heads)))
                .map(applied -> applied.stream()
                        .sorted(Comparator.comparingInt(Applied::index))
                        .toList());
    }

    private static final Class<?>[] HEAD_TYPES = {
        String.class,
        String.class,
        String.class,
        String.class,
        Integer.class,
        Instant.class,
        String.class,
        Instant.class
    };

    /** Locks the heads of the records, in {@code DATA_KEY} order; by key. */
    private Mono<Map<String, RecordHead>> lockHeads(String platform, String dataset, List<IncomingRecord> ordered) {
        List<String> keys =
                ordered.stream().map(IncomingRecord::dataKey).distinct().toList();
        return db.sql("SELECT data_key, record_id, version, data_timestamp, content_digest FROM record_heads "
                        + "WHERE platform_code = :p AND dataset = :d AND data_key IN (:keys) ORDER BY data_key "
                        + "FOR UPDATE")
                .bind("p", platform)
                .bind("d", dataset)
                .bind("keys", keys)
                .map((row, meta) -> Map.entry(
                        row.get("data_key", String.class),
                        new RecordHead(
                                row.get("record_id", String.class),
                                row.get("version", Integer.class),
                                row.get("data_timestamp", OffsetDateTime.class).toInstant(),
                                row.get("content_digest", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** Judges each record against its head as the records before it in this push left it. */
    private Mono<List<Applied>> judge(
            String platform,
            String dataset,
            Instant receivedAt,
            List<IncomingRecord> ordered,
            Map<IncomingRecord, String> ids,
            Map<String, RecordHead> heads) {
        List<Applied> applied = new ArrayList<>(ordered.size());
        List<Mono<Long>> moves = new ArrayList<>();
        for (IncomingRecord r : ordered) {
            String id = ids.get(r);
            RecordHead head = heads.get(r.dataKey());
            if (head == null) {
                throw new IllegalStateException("record head vanished: " + r.dataKey());
            }
            if (head.recordId().equals(id)) {
                applied.add(new Applied(r.index(), RecordStatus.ACCEPTED, 1, id));
                continue;
            }
            RecordStatus status = head.judge(r.dataTimestamp(), r.contentDigest());
            switch (status) {
                case ACCEPTED -> {
                    int version = head.version() + 1;
                    heads.put(r.dataKey(), new RecordHead(id, version, r.dataTimestamp(), r.contentDigest()));
                    moves.add(moveHead(platform, dataset, receivedAt, r, id, version));
                    applied.add(new Applied(r.index(), RecordStatus.ACCEPTED, version, id));
                }
                case DUPLICATE -> applied.add(new Applied(r.index(), RecordStatus.DUPLICATE, head.version(), null));
                case STALE -> applied.add(new Applied(r.index(), RecordStatus.STALE, null, id));
                case REJECTED -> applied.add(new Applied(r.index(), RecordStatus.REJECTED, null, null));
            }
        }
        return Flux.concat(moves).then(Mono.just(applied));
    }

    private Mono<Long> moveHead(
            String platform, String dataset, Instant receivedAt, IncomingRecord r, String recordId, int version) {
        return db.sql("UPDATE record_heads SET record_id = :id, version = :v, data_timestamp = :ts, "
                        + "content_digest = :cd, updated_at = :now "
                        + "WHERE platform_code = :p AND dataset = :d AND data_key = :k")
                .bind("id", recordId)
                .bind("v", version)
                .bind("ts", utc(r.dataTimestamp()))
                .bind("cd", r.contentDigest())
                .bind("now", utc(receivedAt))
                .bind("p", platform)
                .bind("d", dataset)
                .bind("k", r.dataKey())
                .fetch()
                .rowsUpdated();
    }

    /** The head as it is now, without locking (dry runs and reads). */
    public Mono<RecordHead> findHead(String platform, String dataset, String dataKey) {
        return db.sql("SELECT record_id, version, data_timestamp, content_digest FROM record_heads "
                        + "WHERE platform_code = :p AND dataset = :d AND data_key = :k")
                .bind("p", platform)
                .bind("d", dataset)
                .bind("k", dataKey)
                .map((row, meta) -> new RecordHead(
                        row.get("record_id", String.class),
                        row.get("version", Integer.class),
                        row.get("data_timestamp", OffsetDateTime.class).toInstant(),
                        row.get("content_digest", String.class)))
                .one();
    }

    public Mono<Void> insertReceipt(ReceiptRow receipt) {
        return db.sql("INSERT INTO receipts (id, platform_code, dataset, received_at, request_id, signature_method, "
                        + "body_digest, accepted, duplicates, stale, rejected, body) VALUES (:id, :p, :d, :at, :rid, "
                        + ":m, :bd, :a, :du, :s, :r, :body)")
                .bind("id", receipt.id())
                .bind("p", receipt.platformCode())
                .bind("d", receipt.dataset())
                .bind("at", utc(receipt.receivedAt()))
                .bind("rid", receipt.requestId())
                .bind("m", receipt.signatureMethod())
                .bind("bd", receipt.bodyDigest())
                .bind("a", receipt.accepted())
                .bind("du", receipt.duplicates())
                .bind("s", receipt.stale())
                .bind("r", receipt.rejected())
                .bind("body", receipt.body())
                .then();
    }

    /** Replaces the stored receipt body (once the lifecycle has added the warnings its records raised). */
    public Mono<Void> updateReceiptBody(String receiptId, String body) {
        return db.sql("UPDATE receipts SET body = :body WHERE id = :id")
                .bind("body", body)
                .bind("id", receiptId)
                .then();
    }

    /** Appends the accepted and stale records of a receipt, in one statement (per {@link Sql#MAX_ROWS}). */
    public Mono<Void> insertRecords(
            String receiptId, String platform, String dataset, Instant receivedAt, List<Stored> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Stored s : records) {
            IncomingRecord r = s.record();
            rows.add(new Object[] {
                s.recordId(),
                receiptId,
                r.index(),
                platform,
                dataset,
                r.dataKey(),
                r.dataTimestamp(),
                s.status().name(),
                s.version(),
                r.digest(),
                r.contentDigest(),
                r.payload(),
                receivedAt,
                r.eventAt(),
                r.lagSeconds(),
                r.withinSla()
            });
        }
        return Sql.insert(
                        db,
                        "INSERT INTO records (id, receipt_id, record_index, platform_code, dataset, "
                                + "data_key, data_timestamp, status, version, digest, content_digest, "
                                + "payload, received_at, event_at, lag_seconds, within_sla)",
                        "",
                        RECORD_TYPES,
                        rows)
                .then();
    }

    private static final Class<?>[] RECORD_TYPES = {
        String.class,
        String.class,
        Integer.class,
        String.class,
        String.class,
        String.class,
        Instant.class,
        String.class,
        Integer.class,
        String.class,
        String.class,
        String.class,
        Instant.class,
        Instant.class,
        Long.class,
        Boolean.class
    };

    /** The stored receipt body, only for the platform it was issued to. */
    public Mono<String> findReceiptBody(String receiptId, String platform) {
        return db.sql("SELECT body FROM receipts WHERE id = :id AND platform_code = :p")
                .bind("id", receiptId)
                .bind("p", platform)
                .map((row, meta) -> row.get("body", String.class))
                .one();
    }

    /** Every stored version of a record, newest first. */
    public Flux<StoredVersion> versions(String platform, String dataset, String dataKey) {
        return db.sql("SELECT id, receipt_id, version, status, data_timestamp, received_at, digest FROM records "
                        + "WHERE platform_code = :p AND dataset = :d AND data_key = :k "
                        + "ORDER BY received_at DESC, id DESC")
                .bind("p", platform)
                .bind("d", dataset)
                .bind("k", dataKey)
                .map((row, meta) -> new StoredVersion(
                        row.get("id", String.class),
                        row.get("receipt_id", String.class),
                        row.get("version", Integer.class),
                        RecordStatus.valueOf(row.get("status", String.class)),
                        row.get("data_timestamp", OffsetDateTime.class).toInstant(),
                        row.get("received_at", OffsetDateTime.class).toInstant(),
                        row.get("digest", String.class)))
                .all();
    }

    /** A record row to append: accepted (with its version) or stale (without). */
    public record Stored(String recordId, IncomingRecord record, RecordStatus status, Integer version) {}
}
