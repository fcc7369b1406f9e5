package org.ggzy.sgw.gateway.security;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar sgw-gateway.jar --sgw.admin.reset-password=<account>} with {@code SGW_MASTER_KEY} and
 * {@code SGW_ADMIN_NEW_PASSWORD} in the environment: sets the password of an administrator account, then exits (0
 * when done, 1 when refused). See the README (三员分立).
 */
@Component
@ConditionalOnProperty("sgw.admin.reset-password")
class AdminCommandLine implements ApplicationRunner {

    static final String OPTION = "sgw.admin.reset-password";
    static final String PASSWORD_VARIABLE = "SGW_ADMIN_NEW_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(AdminCommandLine.class);

    private final AdminPasswordReset reset;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    AdminCommandLine(AdminPasswordReset reset, Environment environment, ConfigurableApplicationContext context) {
        this.reset = reset;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment.getRequiredProperty(OPTION);
        int code = 0;
        try {
            reset.reset(username, environment.getProperty(PASSWORD_VARIABLE)).block(Duration.ofMinutes(1));
            log.warn("Password of administrator account '{}' reset from the command line", username);
        } catch (RuntimeException e) {
            log.error("Password of '{}' not reset: {}", username, e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
