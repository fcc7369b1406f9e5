package org.ggzy.sgw.gateway.security;

import org.ggzy.sgw.gateway.session.LoginGuard;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code POST /api/v1/auth/token}: user name and password for an access token. */
@Component
class AuthHandler {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TokenService tokens;
    private final LoginGuard guard;
    private final SessionService sessions;
    private final String dummyHash;

    AuthHandler(
            UserRepository users,
            PasswordEncoder encoder,
            TokenService tokens,
            LoginGuard guard,
            SessionService sessions) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.guard = guard;
        this.sessions = sessions;
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.bodyToMono(Credentials.class)
                .filter(c -> c.username() != null && c.password() != null)
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.INVALID_REQUEST.exception("Send {\"username\": \"...\", \"password\": \"...\"}.")))
                .flatMap(c -> guard.attempt(c.username(), LoginGuard.address(request), authenticate(c)))
                .flatMap(user -> sessions.state(user.username())
                        .map(state -> tokens.issue(user, state, sessions.passwordExpired(state))))
                .flatMap(token -> ServerResponse.ok().bodyValue(token));
    }

    private Mono<AppUser> authenticate(Credentials credentials) {
        return users.find(credentials.username())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                // password hashing is deliberately slow: keep it off the event loop
                .publishOn(Schedulers.boundedElastic())
                .flatMap(user -> {
                    String hash = user.map(AppUser::passwordHash).orElse(dummyHash);
                    boolean matches = encoder.matches(credentials.password(), hash);
                    return user.filter(u -> matches && u.enabled())
                            .map(Mono::just)
                            .orElseGet(() -> Mono.error(ProblemType.INVALID_CREDENTIALS.exception(
                                    "User name or password is wrong, or the account is disabled.")));
                });
    }

    record Credentials(String username, String password) {}
}
