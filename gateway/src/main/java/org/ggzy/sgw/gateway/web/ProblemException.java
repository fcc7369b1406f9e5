package org.ggzy.sgw.gateway.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/** A client-visible error: rendered as RFC 9457 problem details by {@link ProblemExceptionHandler}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** Adds an extension member. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header (e.g. {@code Retry-After}). */
    public ProblemException header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public HttpHeaders headers() {
        return headers;
    }
}
