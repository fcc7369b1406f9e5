package org.ggzy.sgw.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.session.PasswordPolicy;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.check.RegionCodes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accounts and roles, for the security administrator ({@code SECADMIN}): create, list, read, change roles, scope,
 * password or state of ordinary accounts ({@link AccountPolicy}). 三员分立: an administrator account holds its one
 * role only, and a regulator needs at least one region it is scoped to. Every change is audited.
 */
@Component
class UserHandler {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    private static final Set<String> ROLES = Set.of(Roles.REGULATOR, Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR);
    private static final Set<String> ADMIN_ROLES = Set.of(Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR);
    private static final Set<String> TRADE_TYPES = Set.of("gcjs", "zfcg");

    private final UserRepository users;
    private final UserService service;
    private final PasswordPolicy passwords;
    private final SessionService sessions;
    private final RegionCodes regions = RegionCodes.load();

    UserHandler(UserRepository users, UserService service, PasswordPolicy passwords, SessionService sessions) {
        this.users = users;
        this.service = service;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return body(request).zipWith(AuditContext.of(request)).flatMap(t -> {
            JsonNode b = t.getT1();
            AuditContext ctx = t.getT2();
            AppUser requested = new AppUser(
                    text(b, "username"),
                    "",
                    list(b, "roles"),
                    list(b, "regionCodes"),
                    list(b, "tradeTypes"),
                    !b.has("enabled") || b.get("enabled").asBoolean());
            return service.authoriseCreate(ctx, requested)
                    .then(Mono.fromCallable(() -> hashed(requested, text(b, "password"), true)))
                    // password hashing is deliberately slow: keep it off the event loop
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(user -> service.create(ctx, user))
                    .flatMap(user -> ServerResponse.created(URI.create("/api/v1/admin/users/" + user.username()))
                            .bodyValue(View.of(user)));
        });
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return users.all().map(View::of).collectList().flatMap(l -> ServerResponse.ok()
                .bodyValue(l));
    }

    Mono<ServerResponse> one(ServerRequest request) {
        return find(request.pathVariable("username"))
                .flatMap(u -> ServerResponse.ok().bodyValue(View.of(u)));
    }

    Mono<ServerResponse> patch(ServerRequest request) {
        return Mono.zip(find(request.pathVariable("username")), body(request), AuditContext.of(request))
                .flatMap(t -> {
                    AppUser before = t.getT1();
                    JsonNode b = t.getT2();
                    String password = b.hasNonNull("password") ? text(b, "password") : null;
                    boolean passwordGiven = b.hasNonNull("password");
                    AppUser requested = new AppUser(
                            before.username(),
                            before.passwordHash(),
                            b.has("roles") ? list(b, "roles") : before.roles(),
                            b.has("regionCodes") ? list(b, "regionCodes") : before.regionCodes(),
                            b.has("tradeTypes") ? list(b, "tradeTypes") : before.tradeTypes(),
                            b.has("enabled") ? b.get("enabled").asBoolean() : before.enabled());
                    return service.authoriseUpdate(t.getT3(), before, requested, passwordGiven)
                            .then(Mono.fromCallable(() -> hashed(requested, password, passwordGiven)))
                            .subscribeOn(Schedulers.boundedElastic())
                            .flatMap(after -> service.update(t.getT3(), before, after, passwordGiven))
                            // every session of the account ends when its password, roles, scope or state changed
                            .flatMap(after -> sessions.changed(before, after).thenReturn(after));
                })
                .flatMap(u -> ServerResponse.ok().bodyValue(View.of(u)));
    }

    /** The account validated, with the password hashed when one is to be set (slow: not on an event loop). */
    private AppUser hashed(AppUser u, String password, boolean setPassword) {
        List<String> problems = new ArrayList<>();
        if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
            problems.add("username: 3–64 of [A-Za-z0-9_.-]");
        }
        if (setPassword) {
            String previous = u.passwordHash() == null || u.passwordHash().isEmpty() ? null : u.passwordHash();
            problems.addAll(passwords.violations(u.username(), password, previous));
        }
        validated(u, problems);
        String hash = setPassword ? passwords.encode(password) : u.passwordHash();
        return new AppUser(u.username(), hash, u.roles(), u.regionCodes(), u.tradeTypes(), u.enabled());
    }

    private Mono<AppUser> find(String username) {
        return users.find(username)
                .switchIfEmpty(Mono.error(() -> ProblemType.NOT_FOUND.exception("No user " + username)));
    }

    private AppUser validated(AppUser u, List<String> problems) {
        if (u.roles().isEmpty()) {
            problems.add("roles: at least one of " + ROLES);
        }
        u.roles().stream().filter(r -> !ROLES.contains(r)).forEach(r -> problems.add("roles: unknown role " + r));
        if (u.roles().stream().anyMatch(ADMIN_ROLES::contains) && u.roles().size() > 1) {
            problems.add("roles: 三员分立 — an administrator account (SYSADMIN, SECADMIN, AUDITOR) holds that one role"
                    + " only");
        }
        if (u.roles().contains(Roles.REGULATOR) && u.regionCodes().isEmpty()) {
            problems.add("regionCodes: a regulator needs at least one region");
        }
        u.regionCodes().stream()
                .filter(c -> !regions.isKnown(c))
                .forEach(c -> problems.add("regionCodes: " + c + " is not a GB/T 2260 code"));
        u.tradeTypes().stream()
                .filter(t -> !TRADE_TYPES.contains(t))
                .forEach(t -> problems.add("tradeTypes: unknown trade type " + t + " (gcjs, zfcg)"));
        if (!problems.isEmpty()) {
            throw ProblemType.INVALID_REQUEST
                    .exception(String.join("; ", problems))
                    .with("errors", problems);
        }
        return u;
    }

    private static Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .filter(JsonNode::isObject)
                .switchIfEmpty(
                        Mono.error(() -> ProblemType.INVALID_REQUEST.exception("A JSON object body is required")));
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        return v == null || v.isNull() || v.asText().isBlank()
                ? null
                : v.asText().strip();
    }

    private static List<String> list(JsonNode b, String field) {
        Set<String> values = new LinkedHashSet<>();
        JsonNode v = b.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> values.add(e.asText().strip()));
        }
        return List.copyOf(values);
    }

    /** An account as the API shows it (never the password hash). */
    record View(
            String username, List<String> roles, List<String> regionCodes, List<String> tradeTypes, boolean enabled) {
        static View of(AppUser u) {
            return new View(u.username(), u.roles(), u.regionCodes(), u.tradeTypes(), u.enabled());
        }
    }
}
