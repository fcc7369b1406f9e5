package org.ggzy.sgw.gateway.record;

import com.github.f4b6a3.ulid.UlidCreator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
     * Decides each record's status against its head and moves the heads, in {@code DATA_KEY} order (so that
     * concurrent batches take row locks in the same order and cannot deadlock). Returns the outcomes by index.
     */
    public Mono<List<Applied>> apply(
            String platform, String dataset, Instant receivedAt, List<IncomingRecord> records) {
        List<IncomingRecord> ordered = new ArrayList<>(records);
        ordered.sort(LOCK_ORDER);
        return Flux.fromIterable(ordered)
                .concatMap(r -> applyOne(platform, dataset, receivedAt, r))
                .collectSortedList(Comparator.comparingInt(Applied::index));
    }

    private Mono<Applied> applyOne(String platform, String dataset, Instant receivedAt, IncomingRecord r) {
        String recordId = UlidCreator.getMonotonicUlid().toString();
        return db.sql("INSERT INTO record_heads (platform_code, dataset, data_key, record_id, version, data_timestamp, "
                        + "content_digest, updated_at) VALUES (:p, :d, :k, :id, 1, :ts, :cd, :now) "
                        + "ON CONFLICT DO NOTHING")
                .bind("p", platform)
                .bind("d", dataset)
                .bind("k", r.dataKey())
                .bind("id", recordId)
                .bind("ts", utc(r.dataTimestamp()))
                .bind("cd", r.contentDigest())
                .bind("now", utc(receivedAt))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? Mono.just(new Applied(r.index(), RecordStatus.ACCEPTED, 1, recordId))
                        : against(platform, dataset, receivedAt, r, recordId));
    }

    private Mono<Applied> against(String platform, String dataset, Instant receivedAt, IncomingRecord r, String id) {
        return lockHead(platform, dataset, r.dataKey())
                .flatMap(head -> switch (head.judge(r.dataTimestamp(), r.contentDigest())) {
                    case ACCEPTED ->
                        moveHead(platform, dataset, receivedAt, r, id, head.version() + 1)
                                .thenReturn(new Applied(r.index(), RecordStatus.ACCEPTED, head.version() + 1, id));
                    case DUPLICATE -> Mono.just(new Applied(r.index(), RecordStatus.DUPLICATE, head.version(), null));
                    case STALE -> Mono.just(new Applied(r.index(), RecordStatus.STALE, null, id));
                    case REJECTED -> Mono.just(new Applied(r.index(), RecordStatus.REJECTED, null, null));
                });
    }

    private Mono<RecordHead> lockHead(String platform, String dataset, String dataKey) {
        return head(platform, dataset, dataKey, " FOR UPDATE")
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("record head vanished: " + dataKey)));
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
        return head(platform, dataset, dataKey, "");
    }

    private Mono<RecordHead> head(String platform, String dataset, String dataKey, String lock) {
        return db.sql("SELECT record_id, version, data_timestamp, content_digest FROM record_heads "
                        + "WHERE platform_code = :p AND dataset = :d AND data_key = :k" + lock)
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

    /** Appends the accepted and stale records of a receipt, in one batch. */
    public Mono<Void> insertRecords(
            String receiptId, String platform, String dataset, Instant receivedAt, List<Stored> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnectionMany(
                        connection -> Flux.from(batch(connection, receiptId, platform, dataset, receivedAt, records)
                                        .execute())
                                .flatMap(result -> result.getRowsUpdated()))
                .then();
    }

    private static Statement batch(
            Connection connection,
            String receiptId,
            String platform,
            String dataset,
            Instant receivedAt,
            List<Stored> records) {
        Statement statement = connection.createStatement("INSERT INTO records (id, receipt_id, record_index, "
                + "platform_code, dataset, data_key, data_timestamp, status, version, digest, content_digest, payload, "
                + "received_at, event_at, lag_seconds, within_sla) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
                + "$13, $14, $15, $16)");
        for (int i = 0; i < records.size(); i++) {
            Stored s = records.get(i);
            if (i > 0) {
                statement.add();
            }
            statement
                    .bind(0, s.recordId())
                    .bind(1, receiptId)
                    .bind(2, s.record().index())
                    .bind(3, platform)
                    .bind(4, dataset)
                    .bind(5, s.record().dataKey())
                    .bind(6, utc(s.record().dataTimestamp()))
                    .bind(7, s.status().name())
                    .bind(10, s.record().contentDigest())
                    .bind(9, s.record().digest())
                    .bind(11, s.record().payload())
                    .bind(12, utc(receivedAt));
            bindNullable(statement, 8, s.version(), Integer.class);
            IncomingRecord r = s.record();
            bindNullable(statement, 13, r.eventAt() == null ? null : utc(r.eventAt()), OffsetDateTime.class);
            bindNullable(statement, 14, r.lagSeconds(), Long.class);
            bindNullable(statement, 15, r.withinSla(), Boolean.class);
        }
        return statement;
    }

    private static <T> void bindNullable(Statement statement, int index, T value, Class<T> type) {
        if (value == null) {
            statement.bindNull(index, type);
        } else {
            statement.bind(index, value);
        }
    }

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

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A record row to append: accepted (with its version) or stale (without). */
    public record Stored(String recordId, IncomingRecord record, RecordStatus status, Integer version) {}
}
