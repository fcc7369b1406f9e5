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
    private final SecureRandom random = Ids.random();
    private final AsyncLoadingCache<String, Optional<PlatformCredentials>> credentials;

    PlatformService(PlatformRepository repository, SecretCipher cipher, Clock clock, PlatformProperties properties) {
        this.repository = repository;
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

    Mono<IssuedSecret> create(String code, String name, String regionCode, Set<String> datasets, boolean enabled) {
        String secret = newSecret();
        Instant now = clock.instant();
        Platform platform =
                new Platform(code, name, regionCode, enabled, datasets, cipher.encrypt(secret), null, null, now, now);
        return repository
                .insert(platform)
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.CONFLICT.exception("A platform with code " + code + " is already registered.")))
                .doOnNext(p -> credentials.synchronous().invalidate(code))
                .map(p -> new IssuedSecret(p.view(), secret));
    }

    Mono<IssuedSecret> rotateSecret(String code) {
        String secret = newSecret();
        return find(code)
                .map(p -> new Platform(
                        p.code(),
                        p.name(),
                        p.regionCode(),
                        p.enabled(),
                        p.datasets(),
                        cipher.encrypt(secret),
                        p.secretCiphertext(),
                        clock.instant().plus(properties.secretOverlap()),
                        p.createdAt(),
                        clock.instant()))
                .flatMap(this::save)
                .map(p -> new IssuedSecret(p.view(), secret));
    }

    Mono<Platform> update(String code, String name, String regionCode, Boolean enabled, Set<String> datasets) {
        return find(code)
                .map(p -> new Platform(
                        p.code(),
                        name == null ? p.name() : name,
                        regionCode == null ? p.regionCode() : regionCode,
                        enabled == null ? p.enabled() : enabled,
                        datasets == null ? p.datasets() : datasets,
                        p.secretCiphertext(),
                        p.previousSecretCiphertext(),
                        p.previousSecretExpiresAt(),
                        p.createdAt(),
                        clock.instant()))
                .flatMap(this::save);
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
        return repository.update(p).doOnNext(saved -> credentials.synchronous().invalidate(saved.code()));
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A secret shown once, with the platform it belongs to. */
    record IssuedSecret(PlatformView platform, String secret) {}
}
