package org.ggzy.sgw.gateway.warning;

import com.github.f4b6a3.ulid.UlidCreator;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** Whether an active silence matches a warning about to be raised (a region matcher covers its sub-regions). */
    Mono<Boolean> matches(String rule, String platform, String region, Instant now) {
        return db.sql("SELECT rule, platform_code, region_code FROM silences WHERE expired_at IS NULL "
                        + "AND starts_at <= :now AND ends_at > :now")
                .bind("now", WarningRepository.utc(now))
                .map((row, meta) -> matches(
                        row.get("rule", String.class), rule,
                        row.get("platform_code", String.class), platform,
                        row.get("region_code", String.class), region))
                .all()
                .any(Boolean::booleanValue);
    }

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
        String id = UlidCreator.getMonotonicUlid().toString();
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO silences (id, rule, platform_code, region_code, "
                        + "reason, created_by, starts_at, ends_at, created_at) VALUES (:id, :rule, :pl, :rg, :reason, "
                        + ":by, :starts, :ends, :now)")
                .bind("id", id)
                .bind("reason", reason)
                .bind("by", creator)
                .bind("starts", WarningRepository.utc(starts))
                .bind("ends", WarningRepository.utc(ends))
                .bind("now", WarningRepository.utc(now));
        spec = WarningService.nullable(spec, "rule", rule, String.class);
        spec = WarningService.nullable(spec, "pl", platform, String.class);
        spec = WarningService.nullable(spec, "rg", region, String.class);
        return spec.then().then(find(id, now));
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
                .bind("now", WarningRepository.utc(now))
                .bind("id", id)
                .fetch()
                .rowsUpdated();
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
