package org.ggzy.sgw.gateway.config;

import io.r2dbc.spi.ConnectionFactory;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which database the gateway runs on, for the few statements of the push path that PostgreSQL can do in one round
 * trip ({@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING} over many rows) and the embedded H2 cannot: there the
 * same result takes a statement a row. Everything else is the same SQL on both.
 */
@Component
public class Dialect {

    private final boolean postgres;

    public Dialect(ConnectionFactory connections) {
        this.postgres =
                connections.getMetadata().getName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Whether upserts of many rows with {@code RETURNING} are available. */
    public boolean postgres() {
        return postgres;
    }
}
