package org.ggzy.sgw.gateway.storage;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.springframework.boot.autoconfigure.r2dbc.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timeouts on every database connection, so that a locked table or a stalled server ends a request with a clear
 * answer: on PostgreSQL {@code lock_timeout} and {@code statement_timeout} per connection (the driver's {@code
 * lockWaitTimeout} and {@code statementTimeout} options), on H2 its {@code LOCK_TIMEOUT}, whatever the configured URL
 * says; and on H2, commits written to the file before they return ({@code WRITE_DELAY=0}).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    /** r2dbc-h2's option carrying H2 settings ({@code options=MODE=PostgreSQL;...} in the URL). */
    private static final Option<Object> H2_OPTIONS = Option.valueOf("options");

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer storageTimeouts(StorageProperties properties) {
        return builder -> {
            ConnectionFactoryOptions options = builder.build();
            Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
            if ("postgresql".equals(driver) || "postgres".equals(driver)) {
                builder.option(Option.valueOf("lockWaitTimeout"), properties.lockTimeout())
                        .option(Option.valueOf("statementTimeout"), properties.statementTimeout());
            } else if ("h2".equals(driver)) {
                Object given = options.getValue(H2_OPTIONS);
                String settings = given == null || given.toString().isBlank() ? "" : given + ";";
                // WRITE_DELAY=0: every commit is written to the file before the commit returns (H2's default
                // writes up to 500 ms later, so a process killed then lost records it had acknowledged)
                builder.option(
                        H2_OPTIONS,
                        settings + "LOCK_TIMEOUT=" + properties.lockTimeout().toMillis() + ";WRITE_DELAY=0");
            }
        };
    }
}
