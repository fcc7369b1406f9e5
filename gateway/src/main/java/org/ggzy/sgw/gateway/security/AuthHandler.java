package org.ggzy.sgw.gateway.security;

import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.session.LoginGuard;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemException;
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
    private final AuditLog audit;

    AuthHandler(
            UserRepository users,
            PasswordEncoder encoder,
            TokenService tokens,
            LoginGuard guard,
            SessionService sessions,
            AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.guard = guard;
        this.sessions = sessions;
        this.audit = audit;
        this.dummyHash = encoder.encode("timing-equaliser");
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.bodyToMono(Credentials.class)
                .filter(c -> c.username() != null && c.password() != null)
                .switchIfEmpty(Mono.error(() ->
                        ProblemType.INVALID_REQUEST.exception("Send {\"username\": \"...\", \"password\": \"...\"}.")))
                .flatMap(c -> guard.attempt(c.username(), LoginGuard.address(request), audited(request, c))
                        .onErrorResume(
                                e -> e instanceof ProblemException p && p.type() == ProblemType.LOGIN_THROTTLED,
                                e -> audited(request, null, "auth.login-throttled", c)
                                        .then(Mono.error(e))))
                .flatMap(user -> sessions.state(user.username())
                        .map(state -> tokens.issue(user, state, sessions.passwordExpired(state))))
                .flatMap(token -> ServerResponse.ok().bodyValue(token));
    }

    /** The authentication, with its success or failure in the audit trail. */
    private Mono<AppUser> audited(ServerRequest request, Credentials c) {
        return authenticate(c)
                .flatMap(user ->
                        audited(request, user.username(), "auth.login", c).thenReturn(user))
                .onErrorResume(ProblemException.class, e -> audited(request, null, "auth.login-failed", c)
                        .then(Mono.error(e)));
    }

    /** An authentication in the audit trail (in a transaction of its own): the user name tried, never a password. */
    private Mono<Void> audited(ServerRequest request, String actor, String action, Credentials c) {
        return AuditContext.of(request)
                .map(ctx -> actor == null ? ctx : new AuditContext(actor, ctx.sourceAddress(), ctx.requestId()))
                .flatMap(ctx -> audit.append(ctx, action, UserService.target(c.username()), null, null));
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
