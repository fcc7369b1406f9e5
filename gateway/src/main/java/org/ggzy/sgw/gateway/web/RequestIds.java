package org.ggzy.sgw.gateway.web;

import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.config.Ids;
import org.springframework.web.server.ServerWebExchange;

/** The request id every response and log line carries: the caller's {@code X-Request-Id}, or a new ULID. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "sgw.requestId";

    private static final Pattern ACCEPTABLE = Pattern.compile("^[A-Za-z0-9._:-]{8,64}$");

    private RequestIds() {}

    /** A caller-supplied id is kept when it is short and plain; anything else is replaced. */
    static String choose(String supplied) {
        return supplied != null && ACCEPTABLE.matcher(supplied).matches() ? supplied : Ids.next();
    }

    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "" : id;
    }
}
