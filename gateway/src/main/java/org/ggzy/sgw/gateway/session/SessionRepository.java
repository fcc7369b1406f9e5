package org.ggzy.sgw.gateway.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The session columns of {@code app_users}: the token version and when the password was last set. */
@Repository
class SessionRepository {

    private final DatabaseClient db;

    SessionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<TokenState> state(String username) {
        return db.sql("SELECT token_version, enabled, password_changed_at FROM app_users WHERE username = :username")
                .bind("username", username)
                .map((row, meta) -> new TokenState(
                        row.get("token_version", Long.class),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                        row.get("password_changed_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Raises the user's token version (every token issued before is refused); records a new password's time. */
    Mono<Void> revoke(String username, boolean passwordChanged, Instant now) {
        String sql = passwordChanged
                ? "UPDATE app_users SET token_version = token_version + 1, password_changed_at = :now "
                        + "WHERE username = :username"
                : "UPDATE app_users SET token_version = token_version + 1 WHERE username = :username";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("username", username);
        if (passwordChanged) {
            spec = spec.bind("now", now.atOffset(ZoneOffset.UTC));
        }
        return spec.then();
    }
}
