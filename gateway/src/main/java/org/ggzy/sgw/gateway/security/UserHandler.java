package org.ggzy.sgw.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.session.PasswordPolicy;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.check.RegionCodes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuples;

/**
 * Accounts and roles, for the security administrator ({@code SECADMIN}): create, list, read, change roles, scope,
 * password or state. 三员分立: no account holds two of {@code SYSADMIN}, {@code SECADMIN}, {@code AUDITOR}, and a
 * regulator needs at least one region it is scoped to.
 */
@Component
class UserHandler {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    private static final Set<String> ROLES = Set.of(Roles.REGULATOR, Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR);
    private static final Set<String> ADMIN_ROLES = Set.of(Roles.SYSADMIN, Roles.SECADMIN, Roles.AUDITOR);
    private static final Set<String> TRADE_TYPES = Set.of("gcjs", "zfcg");

    private final UserRepository users;
    private final Clock clock;
    private final PasswordPolicy passwords;
    private final SessionService sessions;
    private final RegionCodes regions = RegionCodes.load();

    UserHandler(UserRepository users, Clock clock, PasswordPolicy passwords, SessionService sessions) {
        this.users = users;
        this.clock = clock;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return body(request)
                // password hashing is deliberately slow: keep it off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(b -> {
                    List<String> problems = new ArrayList<>();
                    String username = text(b, "username");
                    if (username == null || !USERNAME.matcher(username).matches()) {
                        problems.add("username: 3–64 of [A-Za-z0-9_.-]");
                    }
                    String password = text(b, "password");
                    problems.addAll(passwords.violations(username, password, null));
                    AppUser user = new AppUser(
                            username,
                            problems.isEmpty() ? passwords.encode(password) : "",
                            list(b, "roles"),
                            list(b, "regionCodes"),
                            list(b, "tradeTypes"),
                            !b.has("enabled") || b.get("enabled").asBoolean());
                    return validated(user, problems);
                })
                .flatMap(user -> users.insertIfAbsent(user, clock.instant())
                        .flatMap(inserted -> inserted
                                ? ServerResponse.created(URI.create("/api/v1/admin/users/" + user.username()))
                                        .bodyValue(View.of(user))
                                : Mono.error(ProblemType.CONFLICT.exception("User " + user.username() + " exists"))));
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
        return find(request.pathVariable("username"))
                .zipWith(body(request))
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    AppUser u = t.getT1();
                    JsonNode b = t.getT2();
                    List<String> problems = new ArrayList<>();
                    if (b.hasNonNull("password")) {
                        problems.addAll(passwords.violations(u.username(), text(b, "password"), u.passwordHash()));
                    }
                    return Tuples.of(
                            u,
                            validated(
                                    new AppUser(
                                            u.username(),
                                            b.hasNonNull("password") && problems.isEmpty()
                                                    ? passwords.encode(text(b, "password"))
                                                    : u.passwordHash(),
                                            b.has("roles") ? list(b, "roles") : u.roles(),
                                            b.has("regionCodes") ? list(b, "regionCodes") : u.regionCodes(),
                                            b.has("tradeTypes") ? list(b, "tradeTypes") : u.tradeTypes(),
                                            b.has("enabled") ? b.get("enabled").asBoolean() : u.enabled()),
                                    problems));
                })
                // every session of the account ends when its password, roles, scope or state changed
                .flatMap(t -> users.update(t.getT2(), clock.instant())
                        .then(sessions.changed(t.getT1(), t.getT2()))
                        .thenReturn(t.getT2()))
                .flatMap(u -> ServerResponse.ok().bodyValue(View.of(u)));
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
        if (u.roles().stream().filter(ADMIN_ROLES::contains).count() > 1) {
            problems.add("roles: 三员分立 — an account holds at most one of SYSADMIN, SECADMIN, AUDITOR");
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
