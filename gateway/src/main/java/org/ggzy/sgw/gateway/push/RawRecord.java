package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as it arrived: its position, its exact bytes (as text) and its parsed tree.
 *
 * @param index position in the request, from 0
 * @param line line number for NDJSON bodies, else {@code null}
 * @param payload the record's exact bytes from the request body, as UTF-8 text
 * @param node the parsed record
 */
record RawRecord(int index, Integer line, String payload, JsonNode node) {}
