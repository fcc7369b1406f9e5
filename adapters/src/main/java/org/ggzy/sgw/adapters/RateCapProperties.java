package org.ggzy.sgw.adapters;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many notifications one recipient may get in a time window. Over the cap a delivery is not attempted: it comes
 * back as {@code RETRY} with a cause starting {@code rate cap}, so the outbox sends it later (with its backoff) rather
 * than dropping it.
 *
 * @param max notifications per recipient and window
 * @param per the window
 */
public record RateCapProperties(@DefaultValue("10") @Min(1) int max, @DefaultValue("1m") @NotNull Duration per) {}
