package org.ggzy.sgw.gateway.lifecycle;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline scanner.
 *
 * @param enabled whether this node scans on its own schedule ({@code POST /api/v1/admin/scan} works either way)
 * @param interval how often
 * @param batchSize how many due rows one transaction claims
 */
@Validated
@ConfigurationProperties("sgw.scanner")
public record ScannerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") @NotNull Duration interval,
        @DefaultValue("500") @Positive int batchSize) {}
