package org.ggzy.sgw.gateway.session;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Decodes and validates a bearer token, then refuses it when its session has ended (see {@link SessionService}):
 * the caller gets the same {@code 401 unauthorized} as for an expired token.
 */
public final class SessionCheckingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final SessionService sessions;

    public SessionCheckingJwtDecoder(ReactiveJwtDecoder delegate, SessionService sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.decode(token).flatMap(jwt -> sessions.accepts(jwt)
                .flatMap(ok -> ok
                        ? Mono.just(jwt)
                        : Mono.error(new BadJwtException("the session has ended (logout, or the account changed)"))));
    }
}
