package org.ggzy.sgw.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;

/** The (method, path pattern) of every route of a router function, read with its visitors. */
final class RouteCollector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

    private final List<AccessMatrixIT.Endpoint> endpoints = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private Set<HttpMethod> methods = Set.of();
    private String path = "";

    static List<AccessMatrixIT.Endpoint> of(RouterFunction<?> routes) {
        RouteCollector collector = new RouteCollector();
        routes.accept(collector);
        return collector.endpoints;
    }

    @Override
    public void startNested(RequestPredicate predicate) {
        path = "";
        predicate.accept(this);
        prefixes.add(path);
    }

    @Override
    public void endNested(RequestPredicate predicate) {
        prefixes.remove(prefixes.size() - 1);
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
        methods = Set.of();
        path = "";
        predicate.accept(this);
        String full = String.join("", prefixes) + path;
        methods.forEach(m -> endpoints.add(new AccessMatrixIT.Endpoint(m, full)));
    }

    @Override
    public void resources(Function<ServerRequest, reactor.core.publisher.Mono<Resource>> lookupFunction) {}

    @Override
    public void attributes(Map<String, Object> attributes) {}

    @Override
    public void unknown(RouterFunction<?> routerFunction) {
        throw new IllegalStateException("a route the test cannot read: " + routerFunction);
    }

    @Override
    public void method(Set<HttpMethod> methods) {
        this.methods = methods;
    }

    @Override
    public void path(String pattern) {
        this.path = pattern;
    }

    @Override
    public void pathExtension(String extension) {}

    @Override
    public void header(String name, String value) {}

    @Override
    public void queryParam(String name, String value) {}

    @Override
    public void startAnd() {}

    @Override
    public void and() {}

    @Override
    public void endAnd() {}

    @Override
    public void startOr() {}

    @Override
    public void or() {}

    @Override
    public void endOr() {}

    @Override
    public void startNegate() {}

    @Override
    public void endNegate() {}

    @Override
    public void unknown(RequestPredicate predicate) {}
}
