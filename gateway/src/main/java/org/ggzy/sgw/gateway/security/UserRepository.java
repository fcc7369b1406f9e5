package org.ggzy.sgw.gateway.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code app_users} table. */
@Repository
public class UserRepository {

    private final DatabaseClient db;

    UserRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<AppUser> find(String username) {
        return db.sql("SELECT username, password_hash, roles, region_codes, trade_types, enabled "
                        + "FROM app_users WHERE username = :username")
                .bind("username", username)
                .map((row, meta) -> new AppUser(
                        row.get("username", String.class),
                        row.get("password_hash", String.class),
                        split(row.get("roles", String.class)),
                        split(row.get("region_codes", String.class)),
                        split(row.get("trade_types", String.class)),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
                .one();
    }

    /** Inserts the account unless the user name exists; emits whether it was inserted. */
    public Mono<Boolean> insertIfAbsent(AppUser user, Instant now) {
        return db.sql("INSERT INTO app_users (username, password_hash, roles, region_codes, trade_types, enabled, "
                        + "created_at, updated_at) VALUES (:username, :hash, :roles, :regions, :tradeTypes, :enabled, "
                        + ":now, :now) ON CONFLICT DO NOTHING")
                .bind("username", user.username())
                .bind("hash", user.passwordHash())
                .bind("roles", String.join(",", user.roles()))
                .bind("regions", String.join(",", user.regionCodes()))
                .bind("tradeTypes", String.join(",", user.tradeTypes()))
                .bind("enabled", user.enabled())
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** Every account, by user name. */
    public Flux<AppUser> all() {
        return db.sql("SELECT username, password_hash, roles, region_codes, trade_types, enabled FROM app_users "
                        + "ORDER BY username")
                .map((row, meta) -> new AppUser(
                        row.get("username", String.class),
                        row.get("password_hash", String.class),
                        split(row.get("roles", String.class)),
                        split(row.get("region_codes", String.class)),
                        split(row.get("trade_types", String.class)),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class))))
                .all();
    }

    /** Replaces an account's roles, scope, state and password hash. */
    public Mono<Void> update(AppUser user, Instant now) {
        return db.sql("UPDATE app_users SET password_hash = :hash, roles = :roles, region_codes = :regions, "
                        + "trade_types = :tradeTypes, enabled = :enabled, updated_at = :now WHERE username = :username")
                .bind("username", user.username())
                .bind("hash", user.passwordHash())
                .bind("roles", String.join(",", user.roles()))
                .bind("regions", String.join(",", user.regionCodes()))
                .bind("tradeTypes", String.join(",", user.tradeTypes()))
                .bind("enabled", user.enabled())
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .then();
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
