package org.ggzy.sgw.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full gateway on a random port, in the production setting: the {@code postgres} profile against the real
 * PostgreSQL and Redis (see {@link RequiresServices}); connection settings in {@code application-it.yaml}. No
 * blocking call on a non-blocking thread goes unnoticed (see {@link NonBlocking}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({RequiresServices.class, NonBlocking.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
@AutoConfigureObservability
public @interface PostgresAndRedis {}
