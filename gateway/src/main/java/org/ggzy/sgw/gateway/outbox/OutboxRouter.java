package org.ggzy.sgw.gateway.outbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ggzy.sgw.gateway.security.Scope;

/** The routing table of {@link DeliveryProperties} (pure): which destinations a record or warning goes to. */
final class OutboxRouter {

    private final List<DeliveryProperties.Route> routes;

    OutboxRouter(List<DeliveryProperties.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Set<String> destinations(String kind, String dataset, String tradeType, String region, String severity) {
        Set<String> out = new LinkedHashSet<>();
        for (DeliveryProperties.Route r : routes) {
            if (matches(r.kinds(), kind)
                    && matches(r.datasets(), dataset)
                    && matches(r.tradeTypes(), tradeType)
                    && (severity == null || matches(r.severities(), severity))
                    && (r.regions().isEmpty()
                            || (region != null
                                    && r.regions().stream().anyMatch(p -> region.startsWith(Scope.prefix(p)))))) {
                out.add(r.destination());
            }
        }
        return out;
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    private static boolean matches(List<String> allowed, String value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
