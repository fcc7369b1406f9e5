package org.ggzy.sgw.gateway.platform;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code platforms} table. */
@Repository
class PlatformRepository {

    private static final String COLUMNS = "code, name, region_code, enabled, datasets, secret_ciphertext, "
            + "previous_secret_ciphertext, previous_secret_expires_at, created_at, updated_at";

    private static final BiFunction<Row, RowMetadata, Platform> MAPPER = (row, meta) -> new Platform(
            row.get("code", String.class),
            row.get("name", String.class),
            row.get("region_code", String.class),
            Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
            split(row.get("datasets", String.class)),
            row.get("secret_ciphertext", String.class),
            row.get("previous_secret_ciphertext", String.class),
            instant(row.get("previous_secret_expires_at", OffsetDateTime.class)),
            instant(row.get("created_at", OffsetDateTime.class)),
            instant(row.get("updated_at", OffsetDateTime.class)));

    private final DatabaseClient db;

    PlatformRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Platform> find(String code) {
        return db.sql("SELECT " + COLUMNS + " FROM platforms WHERE code = :code")
                .bind("code", code)
                .map(MAPPER)
                .one();
    }

    Flux<Platform> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM platforms ORDER BY code")
                .map(MAPPER)
                .all();
    }

    /** Inserts a platform; completes empty when the code is taken. */
    Mono<Platform> insert(Platform p) {
        return db.sql("INSERT INTO platforms (" + COLUMNS + ") VALUES (:code, :name, :region, :enabled, :datasets, "
                        + ":secret, NULL, NULL, :created, :updated) ON CONFLICT DO NOTHING")
                .bind("code", p.code())
                .bind("name", p.name())
                .bind("region", p.regionCode())
                .bind("enabled", p.enabled())
                .bind("datasets", join(p.datasets()))
                .bind("secret", p.secretCiphertext())
                .bind("created", utc(p.createdAt()))
                .bind("updated", utc(p.updatedAt()))
                .fetch()
                .rowsUpdated()
                .filter(n -> n == 1)
                .map(n -> p);
    }

    Mono<Platform> update(Platform p) {
        var spec = db.sql("UPDATE platforms SET name = :name, region_code = :region, enabled = :enabled, "
                        + "datasets = :datasets, secret_ciphertext = :secret, previous_secret_ciphertext = :previous, "
                        + "previous_secret_expires_at = :previousUntil, updated_at = :updated WHERE code = :code")
                .bind("code", p.code())
                .bind("name", p.name())
                .bind("region", p.regionCode())
                .bind("enabled", p.enabled())
                .bind("datasets", join(p.datasets()))
                .bind("secret", p.secretCiphertext())
                .bind("updated", utc(p.updatedAt()));
        spec = p.previousSecretCiphertext() == null
                ? spec.bindNull("previous", String.class)
                : spec.bind("previous", p.previousSecretCiphertext());
        spec = p.previousSecretExpiresAt() == null
                ? spec.bindNull("previousUntil", OffsetDateTime.class)
                : spec.bind("previousUntil", utc(p.previousSecretExpiresAt()));
        return spec.fetch().rowsUpdated().filter(n -> n == 1).map(n -> p);
    }

    private static String join(Set<String> datasets) {
        return String.join(",", new TreeSet<>(datasets));
    }

    private static Set<String> split(String datasets) {
        if (datasets == null || datasets.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(datasets.split(",")));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
