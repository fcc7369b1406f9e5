package org.ggzy.sgw.adapters;

import java.net.URI;
import java.time.Duration;

/** What every HTTP destination is configured with. */
interface HttpSettings {

    URI baseUrl();

    String path();

    Duration connectTimeout();

    Duration responseTimeout();

    BreakerProperties breaker();

    /** The Camel endpoint of one request to {@code path}: non-blocking, answering every status to the route. */
    default String endpointUri(String path, String method, Duration responseTimeout) {
        String base = baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return "vertx-http:" + base + path + "?httpMethod=" + method + "&throwExceptionOnFailure=false"
                + "&connectTimeout=" + connectTimeout().toMillis() + "&timeout=" + responseTimeout.toMillis();
    }

    /** The POST of a delivery. */
    default String deliveryUri() {
        return endpointUri(path(), "POST", responseTimeout());
    }

    /** The longest one attempt may take: connecting, then waiting for the answer, and a second for the rest. */
    default Duration deadline() {
        return connectTimeout().plus(responseTimeout()).plusSeconds(1);
    }
}
