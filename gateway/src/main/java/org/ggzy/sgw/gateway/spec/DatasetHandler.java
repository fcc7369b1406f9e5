package org.ggzy.sgw.gateway.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.Catalog;
import org.ggzy.sgw.schemas.Dataset;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/datasets}, one data set, and its JSON Schema. Public. */
@Component
class DatasetHandler {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final Catalog catalog;

    DatasetHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        List<Map<String, Object>> items =
                catalog.datasets().stream().map(DatasetHandler::summary).toList();
        return ServerResponse.ok().bodyValue(Map.of("version", catalog.version(), "items", items));
    }

    Mono<ServerResponse> one(ServerRequest request) {
        Dataset dataset = find(request);
        Map<String, Object> body = summary(dataset);
        body.put("fields", dataset.fields().values());
        return ServerResponse.ok().bodyValue(body);
    }

    Mono<ServerResponse> schema(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(SCHEMA_JSON)
                .bodyValue(find(request).schema());
    }

    private Dataset find(ServerRequest request) {
        String id = request.pathVariable("dataset");
        return catalog.find(id)
                .orElseThrow(() -> ProblemType.DATASET_UNKNOWN.exception(
                        "No data set '" + id + "' in the catalogue; GET /api/v1/datasets lists them."));
    }

    static Map<String, Object> summary(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().value());
        m.put("dataNo", d.dataNo());
        m.put("nameZh", d.nameZh());
        m.put("nameEn", d.nameEn());
        m.put("tradeType", d.tradeType());
        m.put("eventTime", d.eventTime());
        m.put("sla", d.sla());
        m.put("prerequisites", d.prerequisites().stream().map(Object::toString).toList());
        m.put("expectations", d.expectations());
        return m;
    }
}
