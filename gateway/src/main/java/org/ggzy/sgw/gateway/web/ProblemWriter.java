package org.ggzy.sgw.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes RFC 9457 {@code application/problem+json} bodies. */
@Component
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The problem body: standard members first, then the extensions. */
    public Map<String, Object> body(ServerWebExchange exchange, ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        ProblemType type = problem.type();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("requestId", RequestIds.of(exchange));
        body.putAll(problem.properties());
        return body;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemException problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(problem);
        }
        response.setStatusCode(problem.type().status());
        response.getHeaders().putAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body(exchange, problem));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
