package org.ggzy.sgw.gateway.edge;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's settings that are not a filter's arguments.
 *
 * @param signatureV1Until until when signature version 1 (which does not cover the query string) is still accepted,
 *     an ISO-8601 instant such as {@code 2027-06-30T16:00:00Z}; empty (the default) accepts it without end
 */
@Validated
@ConfigurationProperties("sgw.edge")
public record EdgeProperties(Instant signatureV1Until) {}
