package org.ggzy.sgw.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;

class PushHandlerTest {

    static MockServerRequest withContentType(String type) {
        return MockServerRequest.builder().header("Content-Type", type).build();
    }

    @Test
    void shouldTellJsonFromNdjsonByContentType() {
        assertThat(PushHandler.ndjson(withContentType("application/x-ndjson"))).isTrue();
        assertThat(PushHandler.ndjson(withContentType("application/json; charset=UTF-8")))
                .isFalse();
    }

    /** Regression: a Content-Type that is no media type at all escaped as InvalidMediaTypeException: a 500. */
    @Test
    void shouldAnswerUnsupportedMediaTypeWhenContentTypeIsNoMediaType() {
        for (String type : new String[] {"a/b/c", "application/x-ndjson; q=\"", "text/plain"}) {
            assertThatThrownBy(() -> PushHandler.ndjson(withContentType(type)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type())
                            .isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE));
        }
    }
}
