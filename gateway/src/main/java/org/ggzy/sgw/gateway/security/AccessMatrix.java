package org.ggzy.sgw.gateway.security;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: the one table of 三员分立, from which the security filter chain is built and the README's
 * access matrix is checked. The first rule whose method and path match decides; a path no rule names is refused to
 * everyone (deny by default), so a new route is unreachable until it is given a row here.
 *
 * <ul>
 *   <li>{@code SYSADMIN} runs the system (platforms, scanner, deliveries, project ownership) and sees no business data;
 *   <li>{@code SECADMIN} manages ordinary accounts (what it may do to which account is checked by the user handler);
 *   <li>{@code AUDITOR} reads the audit trail and nothing else;
 *   <li>{@code REGULATOR} reads and acts on the business data of its scope;
 *   <li>platforms reach the push API, authenticated by the edge's signature check.
 * </ul>
 */
public final class AccessMatrix {

    /** Who a rule lets through. */
    public enum Access {
        /** Anyone, without credentials. */
        PUBLIC,
        /** A platform, by its request signature (checked by the edge, not by bearer token). */
        PLATFORM,
        SYSADMIN,
        SECADMIN,
        AUDITOR,
        REGULATOR,
        /** Anyone signed in with a bearer token, whatever the role (their own session and password). */
        PERSON,
        /** No one. */
        NOBODY
    }

    /**
     * One row of the matrix.
     *
     * @param method the HTTP method, {@code null} for any
     * @param patterns path patterns (Spring {@link PathPattern} syntax)
     * @param access who is let through
     */
    public record Rule(HttpMethod method, List<String> patterns, Access access) {
        public Rule {
            patterns = List.copyOf(patterns);
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(null, List.of("/internal/**"), Access.NOBODY),
            new Rule(null, List.of("/api/v1/push/**"), Access.PLATFORM),
            new Rule(HttpMethod.GET, List.of("/api/v1/datasets", "/api/v1/datasets/**"), Access.PUBLIC),
            new Rule(HttpMethod.POST, List.of("/api/v1/auth/token"), Access.PUBLIC),
            new Rule(HttpMethod.POST, List.of("/api/v1/auth/logout", "/api/v1/auth/password"), Access.PERSON),
            new Rule(null, List.of("/actuator/health", "/actuator/health/**"), Access.PUBLIC),
            new Rule(null, List.of("/actuator", "/actuator/**"), Access.SYSADMIN),
            new Rule(
                    null,
                    List.of(
                            "/api/v1/admin/platforms",
                            "/api/v1/admin/platforms/**",
                            "/api/v1/admin/scan",
                            "/api/v1/admin/deliveries",
                            "/api/v1/admin/deliveries/**",
                            "/api/v1/admin/projects/**"),
                    Access.SYSADMIN),
            new Rule(null, List.of("/api/v1/admin/users", "/api/v1/admin/users/**"), Access.SECADMIN),
            new Rule(null, List.of("/api/v1/audit", "/api/v1/audit/**"), Access.AUDITOR),
            new Rule(
                    null,
                    List.of(
                            "/api/v1/warnings",
                            "/api/v1/warnings/**",
                            "/api/v1/silences",
                            "/api/v1/silences/**",
                            "/api/v1/projects/**",
                            "/api/v1/stats/**",
                            "/api/v1/platforms/*/scorecard"),
                    Access.REGULATOR),
            new Rule(null, List.of("/**"), Access.NOBODY));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private AccessMatrix() {}

    /** Who may call {@code method path} (the first matching rule's access). */
    public static Access of(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(r -> r.method() == null || r.method().equals(method))
                .filter(r -> r.patterns().stream().anyMatch(p -> PARSER.parse(p).matches(container)))
                .findFirst()
                .map(Rule::access)
                .orElse(Access.NOBODY);
    }

    /** The rules as authorisation of the security filter chain, in order. */
    static void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (Rule rule : RULES) {
            String[] patterns = rule.patterns().toArray(String[]::new);
            ServerHttpSecurity.AuthorizeExchangeSpec.Access access = rule.method() == null
                    ? exchanges.pathMatchers(patterns)
                    : exchanges.pathMatchers(rule.method(), patterns);
            switch (rule.access()) {
                case PUBLIC, PLATFORM -> access.permitAll();
                case NOBODY -> access.denyAll();
                case PERSON -> access.authenticated();
                default -> access.hasRole(rule.access().name());
            }
        }
        exchanges.anyExchange().denyAll();
    }

    /** The matrix as the rows of the README's Markdown table ({@code | method | paths | who |}). */
    public static String markdownRows() {
        return RULES.stream()
                .map(r -> "| " + (r.method() == null ? "any" : r.method().name()) + " | "
                        + r.patterns().stream().map(p -> "`" + p + "`").collect(Collectors.joining(", "))
                        + " | " + r.access() + " |")
                .collect(Collectors.joining("\n"));
    }
}
