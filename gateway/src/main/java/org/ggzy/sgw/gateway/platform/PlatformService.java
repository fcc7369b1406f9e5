package org.ggzy.sgw.gateway.platform;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.security.SecretCipher;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Registers platforms, rotates their secrets, and hands the edge their credentials (cached). */
@Service
public class PlatformService {

    private final PlatformRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;
    private final PlatformProperties properties;
    private final AuditLog audit;
    private final SecureRandom random = Ids.random();
    private final AsyncLoadingCache<String, Optional<PlatformCredentials>> credentials;

    PlatformService(
            PlatformRepository repository,
            SecretCipher cipher,
            Clock clock,
            PlatformProperties properties,
            AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
        this.properties = properties;
        this.credentials = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(100_000)
                .buildAsync((code, executor) -> repository
                        .find(code)
                        .map(this::credentialsOf)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .toFuture());
    }

    /** The credentials of a platform, empty when no platform has the code. */
    public Mono<PlatformCredentials> credentials(String code) {
        return Mono.fromFuture(() -> credentials.get(code), true).flatMap(Mono::justOrEmpty);
    }

    private PlatformCredentials credentialsOf(Platform p) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(p.secretCiphertext()));
        if (p.previousSecretCiphertext() != null
                && p.previousSecretExpiresAt() != null
                && p.previousSecretExpiresAt().isAfter(clock.instant())) {
            secrets.add(cipher.decrypt(p.previousSecretCiphertext()));
        }
        return new PlatformCredentials(p.code(), p.regionCode(), p.enabled(), p.datasets(), secrets);
    }

    Mono<IssuedSecret> create(
            AuditContext ctx, String code, String name, String regionCode, Set<String> datasets, boolean enabled) {
        String secret = newSecret();
        Instant now = clock.instant();
        Platform platform =
                new Platform(code, name, regionCode, enabled, datasets, cipher.encrypt(secret), null, null, now, now);
        Mono<Platform> insert = repository
                .insert(platform)
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.CONFLICT.exception("A platform with code " + code + " is already registered.")));
        return audit.record(ctx, "platform.create", insert, p -> new AuditLog.Change(target(code), null, p.view()))
                .doOnNext(p -> credentials.synchronous().invalidate(code))
                .map(p -> new IssuedSecret(p.view(), secret));
    }

    /** A new secret (the old one valid for the overlap); the audit entry says when, never what. */
    Mono<IssuedSecret> rotateSecret(AuditContext ctx, String code) {
        String secret = newSecret();
        return audit.transactional(find(code)
                        .flatMap(before -> save(rotated(before, secret)).flatMap(after -> audit.append(
                                        ctx, "platform.rotate-secret", target(code), before.view(), after.view())
                                .thenReturn(after))))
                .doOnNext(saved -> credentials.synchronous().invalidate(saved.code()))
                .map(p -> new IssuedSecret(p.view(), secret));
    }

    Mono<Platform> update(
            AuditContext ctx, String code, String name, String regionCode, Boolean enabled, Set<String> datasets) {
        return audit.transactional(
                        find(code).flatMap(before -> save(changed(before, name, regionCode, enabled, datasets))
                                .flatMap(after -> audit.append(
                                                ctx, "platform.update", target(code), before.view(), after.view())
                                        .thenReturn(after))))
                .doOnNext(saved -> credentials.synchronous().invalidate(saved.code()));
    }

    private Platform rotated(Platform p, String secret) {
        return new Platform(
                p.code(),
                p.name(),
                p.regionCode(),
                p.enabled(),
                p.datasets(),
                cipher.encrypt(secret),
                p.secretCiphertext(),
                clock.instant().plus(properties.secretOverlap()),
                p.createdAt(),
                clock.instant());
    }

    private Platform changed(Platform p, String name, String regionCode, Boolean enabled, Set<String> datasets) {
        return new Platform(
                p.code(),
                name == null ? p.name() : name,
                regionCode == null ? p.regionCode() : regionCode,
                enabled == null ? p.enabled() : enabled,
                datasets == null ? p.datasets() : datasets,
                p.secretCiphertext(),
                p.previousSecretCiphertext(),
                p.previousSecretExpiresAt(),
                p.createdAt(),
                clock.instant());
    }

    private static String target(String code) {
        return "platform:" + code;
    }

    Mono<Platform> find(String code) {
        return repository
                .find(code)
                .switchIfEmpty(
                        Mono.error(() -> ProblemType.NOT_FOUND.exception("No platform with code " + code + ".")));
    }

    Flux<Platform> findAll() {
        return repository.findAll();
    }

    private Mono<Platform> save(Platform p) {
        return repository.update(p);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret shown once, with the platform it belongs to. */
    record IssuedSecret(PlatformView platform, String secret) {}
}
