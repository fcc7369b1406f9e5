package org.ggzy.sgw.gateway.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.List;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creates and changes accounts under {@link AccountPolicy}, each change and its audit entry in one transaction; a
 * refused change is a {@code 403} that leaves an audit entry of its own ({@code user.create-refused},
 * {@code user.update-refused}).
 */
@Service
class UserService {

    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Empty when the caller may create the account; else a {@code 403}, audited as {@code user.create-refused}. */
    Mono<Void> authoriseCreate(AuditContext ctx, AppUser user) {
        return AccountPolicy.refuseCreate(ctx.actor(), user)
                .map(reason ->
                        refuse(ctx, "user.create-refused", user.username(), null, Audited.of(user, false), reason))
                .orElse(Mono.empty());
    }

    /** Empty when the caller may make the change; else a {@code 403}, audited as {@code user.update-refused}. */
    Mono<Void> authoriseUpdate(AuditContext ctx, AppUser before, AppUser after, boolean passwordChanged) {
        return AccountPolicy.refuseUpdate(ctx.actor(), before, after)
                .map(reason -> refuse(
                        ctx,
                        "user.update-refused",
                        before.username(),
                        Audited.of(before, false),
                        Audited.of(after, passwordChanged),
                        reason))
                .orElse(Mono.empty());
    }

    /** Creates an account (after {@link #authoriseCreate}) and records it, in one transaction. */
    Mono<AppUser> create(AuditContext ctx, AppUser user) {
        Mono<AppUser> insert = users.insertIfAbsent(user, clock.instant())
                .flatMap(inserted -> inserted
                        ? Mono.just(user)
                        : Mono.error(ProblemType.CONFLICT.exception("User " + user.username() + " exists")));
        return authoriseCreate(ctx, user)
                .then(audit.record(
                        ctx,
                        "user.create",
                        insert,
                        u -> new AuditLog.Change(target(u.username()), null, Audited.of(u, false))));
    }

    /** Changes an account (after {@link #authoriseUpdate}) and records it, in one transaction. */
    Mono<AppUser> update(AuditContext ctx, AppUser before, AppUser after, boolean passwordChanged) {
        return authoriseUpdate(ctx, before, after, passwordChanged)
                .then(audit.record(
                        ctx,
                        "user.update",
                        users.update(after, clock.instant()).thenReturn(after),
                        u -> new AuditLog.Change(
                                target(u.username()), Audited.of(before, false), Audited.of(u, passwordChanged))));
    }

    private Mono<Void> refuse(
            AuditContext ctx, String action, String username, Audited before, Audited after, String reason) {
        return audit.append(ctx, action, target(username), before, new Refused(after, reason))
                .then(Mono.error(ProblemType.FORBIDDEN.exception(reason)));
    }

    static String target(String username) {
        return "user:" + username;
    }

    /** An account as the audit trail records it: never the password hash, only whether the password changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Audited(
            String username,
            List<String> roles,
            List<String> regionCodes,
            List<String> tradeTypes,
            boolean enabled,
            String password) {
        static Audited of(AppUser u, boolean passwordChanged) {
            return new Audited(
                    u.username(),
                    u.roles(),
                    u.regionCodes(),
                    u.tradeTypes(),
                    u.enabled(),
                    passwordChanged ? "changed" : null);
        }
    }

    /** What was asked for, and why it was refused. */
    record Refused(Audited requested, String reason) {}
}
