package org.ggzy.sgw.gateway.warning;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.config.Sql;
import org.ggzy.sgw.gateway.security.Scope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code silences}. Nothing is deleted: ending a silence records who ended it and when. */
@Repository
class SilenceRepository {

    private static final String COLUMNS =
            "id, rule, platform_code, region_code, reason, created_by, starts_at, ends_at, created_at, expired_by, "
                    + "expired_at";

    private final DatabaseClient db;

    SilenceRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Whether an active silence matches a warning about to be raised (a region matcher covers its sub-regions). The
     * silences are read at most once a second per node: a new or ended silence applies within a second.
     */
    Mono<Boolean> matches(String rule, String platform, String region, Instant now) {
        return active(now).map(list -> list.stream()
                .anyMatch(m -> matches(m.rule(), rule, m.platformCode(), platform, m.regionCode(), region)));
    }

    private Mono<List<Matcher>> active(Instant now) {
        Snapshot s = snapshot;
        if (s != null
                && !now.isBefore(s.from())
                && now.isBefore(s.until())
                && System.nanoTime() - s.readAt() < REFRESH) {
            return Mono.just(s.matchers());
        }
        return db.sql("SELECT rule, platform_code, region_code, starts_at, ends_at FROM silences "
                        + "WHERE expired_at IS NULL AND ends_at > :now")
                .bind("now", Sql.utc(now))
                .map((row, meta) -> new Matcher(
                        row.get("rule", String.class),
                        row.get("platform_code", String.class),
                        row.get("region_code", String.class),
                        row.get("starts_at", OffsetDateTime.class).toInstant(),
                        row.get("ends_at", OffsetDateTime.class).toInstant()))
                .all()
                .collectList()
                .doOnNext(list -> snapshot = new Snapshot(
                        list,
                        now,
                        list.stream()
                                .map(Matcher::endsAt)
                                .min(Instant::compareTo)
                                .orElse(Instant.MAX),
                        System.nanoTime()));
    }

    private static final long REFRESH = 1_000_000_000L;
    private volatile Snapshot snapshot;

    private record Matcher(String rule, String platformCode, String regionCode, Instant startsAt, Instant endsAt) {}

    /** The silences not ended as read at {@code readAt}, valid for clock times in [from, until). */
    private record Snapshot(List<Matcher> matchers, Instant from, Instant until, long readAt) {}

    private static boolean matches(
            String ruleMatcher,
            String rule,
            String platformMatcher,
            String platform,
            String regionMatcher,
            String region) {
        return (ruleMatcher == null || ruleMatcher.equals(rule))
                && (platformMatcher == null || platformMatcher.equals(platform))
                && (regionMatcher == null || (region != null && region.startsWith(Scope.prefix(regionMatcher))));
    }

    Mono<Silence> create(
            String rule,
            String platform,
            String region,
            String reason,
            String creator,
            Instant starts,
            Instant ends,
            Instant now) {
        String id = Ids.next();
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO silences (id, rule, platform_code, region_code, "
                        + "reason, created_by, starts_at, ends_at, created_at) VALUES (:id, :rule, :pl, :rg, :reason, "
                        + ":by, :starts, :ends, :now)")
                .bind("id", id)
                .bind("reason", reason)
                .bind("by", creator)
                .bind("starts", Sql.utc(starts))
                .bind("ends", Sql.utc(ends))
                .bind("now", Sql.utc(now));
        spec = Sql.nullable(spec, "rule", rule, String.class);
        spec = Sql.nullable(spec, "pl", platform, String.class);
        spec = Sql.nullable(spec, "rg", region, String.class);
        return spec.then().doOnSuccess(v -> snapshot = null).then(find(id, now));
    }

    Mono<Silence> find(String id, Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM silences WHERE id = :id")
                .bind("id", id)
                .map((row, meta) -> silence(row, now))
                .one();
    }

    /** Silences visible to the caller: those whose region the caller sees, or global ones for global callers. */
    Flux<Silence> list(Scope scope, Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM silences ORDER BY created_at DESC, id DESC")
                .map((row, meta) -> silence(row, now))
                .all()
                .filter(s -> scope.global() || (s.regionCode() != null && scope.sees(s.regionCode(), null)));
    }

    Mono<Long> expire(String id, String actor, Instant now) {
        return db.sql("UPDATE silences SET expired_by = :by, expired_at = :now WHERE id = :id AND expired_at IS NULL")
                .bind("by", actor)
                .bind("now", Sql.utc(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated()
                .doOnNext(n -> snapshot = null);
    }

    private static Silence silence(Readable row, Instant now) {
        OffsetDateTime starts = row.get("starts_at", OffsetDateTime.class);
        OffsetDateTime ends = row.get("ends_at", OffsetDateTime.class);
        boolean active = row.get("expired_at", OffsetDateTime.class) == null
                && !starts.toInstant().isAfter(now)
                && ends.toInstant().isAfter(now);
        return new Silence(
                row.get("id", String.class),
                row.get("rule", String.class),
                row.get("platform_code", String.class),
                row.get("region_code", String.class),
                row.get("reason", String.class),
                row.get("created_by", String.class),
                WarningRepository.time(row, "starts_at"),
                WarningRepository.time(row, "ends_at"),
                WarningRepository.time(row, "created_at"),
                row.get("expired_by", String.class),
                WarningRepository.time(row, "expired_at"),
                active);
    }
}
