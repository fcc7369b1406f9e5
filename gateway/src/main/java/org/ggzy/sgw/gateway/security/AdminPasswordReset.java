package org.ggzy.sgw.gateway.security;

import java.time.Clock;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way to change an administrator account ({@code SYSADMIN}, {@code SECADMIN}, {@code AUDITOR}): a new
 * password, set from the command line by whoever holds the master key (see {@link AdminCommandLine}); the account is
 * enabled again. Audited as {@code admin.reset-password}, actor {@code cli}.
 */
@Component
class AdminPasswordReset {

    static final int MIN_PASSWORD = 10;

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final KeyCheck keyCheck;
    private final Clock clock;

    AdminPasswordReset(UserRepository users, PasswordEncoder encoder, AuditLog audit, KeyCheck keyCheck, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.keyCheck = keyCheck;
        this.clock = clock;
    }

    /** Sets the password of an administrator account; an error says why it was not done. */
    Mono<Void> reset(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Mono.error(new IllegalArgumentException(
                    "The new password (SGW_ADMIN_NEW_PASSWORD) needs at least " + MIN_PASSWORD + " characters"));
        }
        return keyCheck.verify()
                .then(users.find(username))
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("No account " + username)))
                .filter(u -> u.roles().stream().anyMatch(AccountPolicy.ADMIN_ROLES::contains))
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                        username + " is not an administrator account; ordinary accounts are managed by SECADMIN")))
                .flatMap(before -> Mono.fromCallable(() -> encoder.encode(password))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(hash -> save(before, hash)));
    }

    private Mono<Void> save(AppUser before, String hash) {
        AppUser after =
                new AppUser(before.username(), hash, before.roles(), before.regionCodes(), before.tradeTypes(), true);
        return audit.record(
                        AuditContext.system("cli"),
                        "admin.reset-password",
                        users.update(after, clock.instant()).thenReturn(after),
                        u -> new AuditLog.Change(
                                UserService.target(u.username()),
                                UserService.Audited.of(before, false),
                                UserService.Audited.of(u, true)))
                .then();
    }

    /**
     * Proves the caller holds the master key: it must be configured ({@code SGW_MASTER_KEY}, not the embedded default's
     * generated file), and a stored platform secret must decrypt with it (nothing to decrypt before the first platform
     * is registered).
     */
    @Component
    static class KeyCheck {

        private final DatabaseClient db;
        private final SecretCipher cipher;
        private final SecurityProperties properties;

        KeyCheck(DatabaseClient db, SecretCipher cipher, SecurityProperties properties) {
            this.db = db;
            this.cipher = cipher;
            this.properties = properties;
        }

        Mono<Void> verify() {
            if (properties.masterKey() == null || properties.masterKey().isBlank()) {
                return Mono.error(new IllegalStateException(
                        "Resetting an administrator password needs the master key: set SGW_MASTER_KEY"));
            }
            return db.sql("SELECT secret_ciphertext FROM platforms ORDER BY code LIMIT 1")
                    .map((row, meta) -> row.get("secret_ciphertext", String.class))
                    .one()
                    .doOnNext(cipher::decrypt)
                    .then();
        }
    }
}
