package org.ggzy.sgw.gateway.edge;

import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code ForwardInternal=/internal}: with a {@code forward:} route, hands the request to this application's own
 * handler at {@code prefix + original path}. It runs after Spring Cloud Gateway's forward-path step (which would
 * otherwise replace the path by the route URI's). The internal paths are not reachable from outside: the security
 * chain denies them, and their handlers require the edge's authentication attribute.
 */
@Component
public class ForwardInternalGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ForwardInternalGatewayFilterFactory.Config> {

    public static final int ORDER = 1;

    public ForwardInternalGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("prefix");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new OrderedGatewayFilter(
                (exchange, chain) -> {
                    String path = config.getPrefix() + EdgeAttributes.originalPath(exchange);
                    ServerHttpRequest request =
                            exchange.getRequest().mutate().path(path).build();
                    return chain.filter(exchange.mutate().request(request).build());
                },
                ORDER);
    }

    /** Configuration of {@code ForwardInternal}. */
    public static class Config {
        private String prefix = "/internal";

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
                throw new IllegalArgumentException("ForwardInternal prefix must start with / and not end with /");
            }
            this.prefix = prefix;
        }

        @Override
        public String toString() {
            return "ForwardInternal[prefix=" + prefix + "]";
        }
    }
}
