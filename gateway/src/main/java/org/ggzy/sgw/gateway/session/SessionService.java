package org.ggzy.sgw.gateway.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ggzy.sgw.gateway.security.AppUser;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions end when they should: every token carries its user's token version ({@value #VERSION_CLAIM}), and a
 * token whose version is not the user's current one, or whose user is disabled, is refused. Raising the version
 * (password, roles, scope or state changed; logout) ends every session of the user. Each node caches a user's
 * version for {@code sgw.security.session.version-cache-ttl} and drops it as soon as any node publishes a change.
 */
@Service
public class SessionService implements DisposableBean {

    /** The claim holding the user's token version when the token was issued. */
    public static final String VERSION_CLAIM = "ver";
    /** Present and true when the password had expired at login: the token only allows changing it. */
    public static final String PASSWORD_EXPIRED_CLAIM = "pwx";
    /** How often a long-lived response checks its session besides the announcements. */
    static final Duration STREAM_CHECK = Duration.ofSeconds(5);

    private final SessionRepository repository;
    private final SessionBus bus;
    private final PasswordProperties passwords;
    private final Clock clock;
    private final Cache<String, TokenState> cache;
    private final Disposable listening;

    SessionService(
            SessionRepository repository,
            SessionBus bus,
            SessionProperties properties,
            PasswordProperties passwords,
            Clock clock) {
        this.repository = repository;
        this.bus = bus;
        this.passwords = passwords;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.versionCacheTtl())
                .maximumSize(100_000)
                .build();
        this.listening = bus.changes().subscribe(cache::invalidate);
    }

    /** The user's current state, read from the database (for issuing a token). */
    public Mono<TokenState> state(String username) {
        return repository.state(username);
    }

    /** Whether the token's user is enabled and its version is the user's current one (briefly cached). */
    public Mono<Boolean> accepts(Jwt jwt) {
        Object claim = jwt.getClaim(VERSION_CLAIM);
        if (!(claim instanceof Number version) || jwt.getSubject() == null) {
            return Mono.just(false);
        }
        return cached(jwt.getSubject())
                .map(s -> s.enabled() && s.version() == version.longValue())
                .defaultIfEmpty(false);
    }

    /**
     * The stream, ended as soon as the session of the caller's bearer token ends (checked when any node announces a
     * change of the user, and every {@code STREAM_CHECK} besides): a long-lived response such as the warning stream
     * does not outlive its session. Without a bearer token, the stream as it is.
     */
    public <T> Flux<T> untilSessionEnds(Flux<T> stream) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(a -> Optional.of(((JwtAuthenticationToken) a).getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMapMany(
                        jwt -> jwt.map(j -> stream.takeUntilOther(ended(j))).orElse(stream));
    }

    private Mono<Boolean> ended(Jwt jwt) {
        return Flux.merge(
                        bus.changes().filter(jwt.getSubject()::equals).map(u -> 0L),
                        Flux.interval(STREAM_CHECK, STREAM_CHECK))
                .concatMap(tick -> accepts(jwt))
                .filter(accepted -> !accepted)
                .next();
    }

    /** Whether the password of that state is older than {@code sgw.security.password.max-age}. */
    public boolean passwordExpired(TokenState state) {
        Duration maxAge = passwords.maxAge();
        return !maxAge.isZero() && state.passwordChangedAt().plus(maxAge).isBefore(clock.instant());
    }

    /**
     * Call after an account was changed: when its password, roles, scope or state changed, every token issued
     * before is refused from now on (on every node within the cache time, normally at once).
     */
    public Mono<Void> changed(AppUser before, AppUser after) {
        boolean password = !Objects.equals(before.passwordHash(), after.passwordHash());
        boolean revokes = password
                || !before.roles().equals(after.roles())
                || !before.regionCodes().equals(after.regionCodes())
                || !before.tradeTypes().equals(after.tradeTypes())
                || before.enabled() != after.enabled();
        return revokes ? revoke(after.username(), password) : Mono.empty();
    }

    /** Ends every session of the user (logout). */
    public Mono<Void> revoke(String username) {
        return revoke(username, false);
    }

    private Mono<Void> revoke(String username, boolean passwordChanged) {
        return repository
                .revoke(username, passwordChanged, clock.instant())
                .then(Mono.fromRunnable(() -> cache.invalidate(username)))
                .then(bus.publish(username));
    }

    private Mono<TokenState> cached(String username) {
        TokenState known = cache.getIfPresent(username);
        if (known != null) {
            return Mono.just(known);
        }
        return repository.state(username).doOnNext(s -> cache.put(username, s));
    }

    @Override
    public void destroy() {
        listening.dispose();
    }
}
