package org.ggzy.sgw.gateway.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.security.AppUser;
import org.ggzy.sgw.gateway.security.UserRepository;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The caller's own session: {@code POST /api/v1/auth/logout} ends every session of the caller;
 * {@code POST /api/v1/auth/password} changes the caller's own password (the current one required, under the login
 * throttle), which ends every session too.
 */
@Component
class SessionHandler {

    private final UserRepository users;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final LoginGuard guard;
    private final Clock clock;
    private final AuditLog audit;

    SessionHandler(
            UserRepository users,
            PasswordPolicy policy,
            SessionService sessions,
            LoginGuard guard,
            Clock clock,
            AuditLog audit) {
        this.users = users;
        this.policy = policy;
        this.sessions = sessions;
        this.guard = guard;
        this.clock = clock;
        this.audit = audit;
    }

    Mono<ServerResponse> logout(ServerRequest request) {
        return caller().zipWith(AuditContext.of(request))
                .flatMap(t -> audit.record(
                        t.getT2(),
                        "auth.logout",
                        sessions.revoke(t.getT1()).thenReturn(t.getT1()),
                        user -> new AuditLog.Change("user:" + user, null, null)))
                .then(ServerResponse.noContent().build());
    }

    Mono<ServerResponse> changePassword(ServerRequest request) {
        return caller().zipWith(request.bodyToMono(PasswordChange.class)
                        .filter(c -> c.currentPassword() != null && c.newPassword() != null)
                        .switchIfEmpty(Mono.error(() -> ProblemType.INVALID_REQUEST.exception(
                                "Send {\"currentPassword\": \"...\", \"newPassword\": \"...\"}."))))
                .flatMap(t -> guard.attempt(t.getT1(), LoginGuard.address(request), changed(t.getT1(), t.getT2())))
                .zipWith(AuditContext.of(request))
                .flatMap(t -> audit.record(
                        t.getT2(),
                        "user.password-change",
                        users.update(t.getT1().after(), clock.instant()).thenReturn(t.getT1()),
                        change -> new AuditLog.Change(
                                "user:" + change.after().username(), null, Map.of("password", "changed"))))
                // every session of the account ends, once the change is committed
                .flatMap(change -> sessions.changed(change.before(), change.after()))
                .then(ServerResponse.noContent().build());
    }

    /** The account with its new password, once the current one is proven and the new one complies. */
    private Mono<Change> changed(String username, PasswordChange body) {
        return users.find(username)
                // password hashing is deliberately slow: keep it off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(user -> {
                    if (!policy.matches(body.currentPassword(), user.passwordHash())) {
                        throw ProblemType.INVALID_CREDENTIALS.exception("The current password is wrong.");
                    }
                    List<String> problems = policy.violations(username, body.newPassword(), user.passwordHash());
                    if (!problems.isEmpty()) {
                        throw ProblemType.INVALID_REQUEST
                                .exception(String.join("; ", problems))
                                .with("errors", problems);
                    }
                    return new Change(user, withPassword(user, policy.encode(body.newPassword())));
                });
    }

    private static AppUser withPassword(AppUser u, String hash) {
        return new AppUser(u.username(), hash, u.roles(), u.regionCodes(), u.tradeTypes(), u.enabled());
    }

    private static Mono<String> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication().getName())
                .switchIfEmpty(Mono.error(() -> ProblemType.UNAUTHORIZED.exception("A bearer token is required.")));
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    private record Change(AppUser before, AppUser after) {}
}
