package org.ggzy.sgw.gateway.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * On first start, creates the three administrator accounts of 三员分立 ({@code sysadmin}, {@code secadmin},
 * {@code auditor}), each with one role, each creation audited ({@code admin.bootstrap}, actor {@code system}). A
 * password not given in the environment is generated and logged once.
 */
@Component
class BootstrapAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    BootstrapAccounts(
            UserRepository users, PasswordEncoder encoder, SecurityProperties properties, Clock clock, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Account(
                                "sysadmin", Roles.SYSADMIN, properties.adminPassword(), "SGW_BOOTSTRAP_ADMIN_PASSWORD"),
                        new Account(
                                "secadmin",
                                Roles.SECADMIN,
                                properties.secadminPassword(),
                                "SGW_BOOTSTRAP_SECADMIN_PASSWORD"),
                        new Account(
                                "auditor",
                                Roles.AUDITOR,
                                properties.auditorPassword(),
                                "SGW_BOOTSTRAP_AUDITOR_PASSWORD"))
                .concatMap(this::create)
                .then()
                .block();
    }

    private Mono<Boolean> create(Account account) {
        boolean generated = account.password() == null || account.password().isBlank();
        String password = generated ? generatePassword() : account.password();
        // BCrypt is slow on purpose (and reads the system's entropy): never on an event loop
        return Mono.fromCallable(() -> encoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> insert(account, generated, password, hash));
    }

    private Mono<Boolean> insert(Account account, boolean generated, String password, String hash) {
        AppUser user = new AppUser(account.username(), hash, List.of(account.role()), List.of(), List.of(), true);
        Mono<Boolean> insert = users.insertIfAbsent(user, clock.instant())
                .flatMap(inserted -> inserted
                        ? audit.append(
                                        AuditContext.system("system"),
                                        "admin.bootstrap",
                                        UserService.target(user.username()),
                                        null,
                                        UserService.Audited.of(user, false))
                                .thenReturn(true)
                        : Mono.just(false));
        return audit.transactional(insert).doOnNext(inserted -> {
            if (inserted && generated) {
                log.warn(
                        "Created account '{}' ({}) with generated password: {}  (shown once; set {} to choose it)",
                        account.username(),
                        account.role(),
                        password,
                        account.variable());
            } else if (inserted) {
                log.info(
                        "Created account '{}' ({}) with the password from {}",
                        account.username(),
                        account.role(),
                        account.variable());
            }
        });
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Account(String username, String role, String password, String variable) {}
}
