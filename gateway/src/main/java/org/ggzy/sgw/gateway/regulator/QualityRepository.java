package org.ggzy.sgw.gateway.regulator;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ggzy.sgw.gateway.security.Scope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The counts behind scorecards and the overview, grouped in the database. Aggregates are {@code COUNT} and
 * {@code SUM(CASE ...)} only, so the same SQL runs on PostgreSQL and on H2.
 */
@Repository
class QualityRepository {

    private static final long DAY = 86_400;
    private static final String LATE = "SUM(CASE WHEN within_sla = FALSE AND lag_seconds ";

    private final DatabaseClient db;

    QualityRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<PlatformRow> platform(String code) {
        return db.sql("SELECT code, name, region_code FROM platforms WHERE code = :c")
                .bind("c", code)
                .map(row -> platform(row))
                .one();
    }

    /** The platforms registered in the scope's regions (and in the region, when given), by code. */
    Flux<PlatformRow> platforms(Scope scope, String region) {
        Where where = new Where().region("region_code", region);
        if (!scope.global()) {
            where.startsWith("region_code", scope.regionPrefixes());
        }
        return where.bindTo(db.sql("SELECT code, name, region_code FROM platforms" + where.sql() + " ORDER BY code"))
                .map(row -> platform(row))
                .all();
    }

    /** Accepted record versions received in the window, with their lag buckets. */
    Flux<Keyed> records(Collection<String> platforms, Collection<String> tradeTypes, Window window) {
        Where where = new Where()
                .sql("status = 'ACCEPTED'")
                .in("platform_code", platforms)
                .within("received_at", window)
                .datasetsOf("dataset", tradeTypes);
        String sql = "SELECT platform_code, dataset, COUNT(*) AS n, "
                + "SUM(CASE WHEN within_sla IS NOT NULL THEN 1 ELSE 0 END) AS known, "
                + "SUM(CASE WHEN within_sla = TRUE THEN 1 ELSE 0 END) AS timely, "
                + LATE + "<= " + DAY + " THEN 1 ELSE 0 END) AS late1, "
                + LATE + "> " + DAY + " AND lag_seconds <= " + 3 * DAY + " THEN 1 ELSE 0 END) AS late3, "
                + LATE + "> " + 3 * DAY + " AND lag_seconds <= " + 7 * DAY + " THEN 1 ELSE 0 END) AS late7, "
                + LATE + "> " + 7 * DAY + " THEN 1 ELSE 0 END) AS late8 "
                + "FROM records" + where.sql() + " GROUP BY platform_code, dataset";
        return where.bindTo(db.sql(sql))
                .map(row -> keyed(
                        row,
                        Counts.ofRecords(
                                n(row, "n"),
                                n(row, "known"),
                                n(row, "timely"),
                                n(row, "late1"),
                                n(row, "late3"),
                                n(row, "late7"),
                                n(row, "late8"))))
                .all();
    }

    /** Accepted and rejected counts of the receipts issued in the window. */
    Flux<Keyed> receipts(Collection<String> platforms, Collection<String> tradeTypes, Window window) {
        Where where = new Where()
                .in("platform_code", platforms)
                .within("received_at", window)
                .datasetsOf("dataset", tradeTypes);
        return where.bindTo(db.sql("SELECT platform_code, dataset, SUM(accepted) AS a, SUM(rejected) AS r "
                        + "FROM receipts" + where.sql() + " GROUP BY platform_code, dataset"))
                .map(row -> keyed(row, Counts.ofReceipts(n(row, "a"), n(row, "r"))))
                .all();
    }

    /**
     * Expectations due in the window: those that count (met, breached, or open past due at {@code now}) and those
     * met on time. Cancelled ones and open ones not yet due count for neither.
     */
    Flux<Keyed> expectations(Collection<String> platforms, Collection<String> tradeTypes, Window window, Instant now) {
        Where where = new Where()
                .in("platform_code", platforms)
                .within("due_at", window)
                .datasetsOf("dataset", tradeTypes);
        String sql = "SELECT platform_code, dataset, "
                + "SUM(CASE WHEN status = 'MET' AND met_at <= due_at THEN 1 ELSE 0 END) AS on_time, "
                + "SUM(CASE WHEN status = 'MET' OR status = 'BREACHED' "
                + "OR (status = 'OPEN' AND due_at < :now) THEN 1 ELSE 0 END) AS due "
                + "FROM expectations" + where.sql() + " GROUP BY platform_code, dataset";
        return where.bindTo(db.sql(sql).bind("now", Times.utc(now)))
                .map(row -> keyed(row, Counts.ofExpectations(n(row, "due"), n(row, "on_time"))))
                .all();
    }

    /** Unresolved warnings (open or acknowledged) by rule and severity. */
    Flux<Scores.RuleCount> openWarnings(Where where) {
        where.sql("status IN ('OPEN', 'ACKNOWLEDGED')");
        return where.bindTo(db.sql("SELECT rule, severity, COUNT(*) AS n FROM warnings" + where.sql()
                        + " GROUP BY rule, severity ORDER BY rule, severity"))
                .map(row -> new Scores.RuleCount(
                        row.get("rule", String.class), row.get("severity", String.class), n(row, "n")))
                .all();
    }

    /** Warnings raised in the window by severity. */
    Mono<Map<String, Long>> raised(Where where, Window window) {
        where.within("raised_at", window);
        return where.bindTo(db.sql("SELECT severity, COUNT(*) AS n FROM warnings" + where.sql() + " GROUP BY severity"))
                .map(row -> Map.entry(row.get("severity", String.class), n(row, "n")))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    /** Sections (not project rows) created in the window, and the projects they belong to. */
    Mono<SectionCount> sections(Where where, Window window) {
        where.sql("section_code <> ''").within("created_at", window);
        return where.bindTo(
                        db.sql("SELECT COUNT(*) AS n, COUNT(DISTINCT project_code) AS p FROM sections" + where.sql()))
                .map(row -> new SectionCount(n(row, "p"), n(row, "n")))
                .one();
    }

    private static PlatformRow platform(Readable row) {
        return new PlatformRow(
                row.get("code", String.class), row.get("name", String.class), row.get("region_code", String.class));
    }

    private static Keyed keyed(Readable row, Counts counts) {
        return new Keyed(row.get("platform_code", String.class), row.get("dataset", String.class), counts);
    }

    /** A count or sum column: BIGINT or NUMERIC depending on the database, NULL for a sum over no rows. */
    static long n(Readable row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    record PlatformRow(String code, String name, String regionCode) {}

    /** Counts of one platform and data set. */
    record Keyed(String platformCode, String dataset, Counts counts) {}

    record SectionCount(long projects, long sections) {}
}
