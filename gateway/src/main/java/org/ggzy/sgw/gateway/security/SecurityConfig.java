package org.ggzy.sgw.gateway.security;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.PATCH;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.util.List;
import org.ggzy.sgw.gateway.session.PasswordExpiredWebFilter;
import org.ggzy.sgw.gateway.session.SessionCheckingJwtDecoder;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.gateway.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Who may call what ({@link AccessMatrix}). Platforms are authenticated by the edge's signature check (push paths),
 * people by bearer tokens; every refusal is a problem-details body.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(
            ServerHttpSecurity http,
            ReactiveJwtDecoder decoder,
            ProblemWriter problems,
            AccessDenied denied,
            ManagementPort managementPort) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // the actuator's own port (when one is set) is for the operators' network: open there
                .authorizeExchange(
                        ex -> AccessMatrix.apply(ex.matchers(managementPort).permitAll()))
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint((exchange, e) -> problems.write(
                                exchange,
                                ProblemType.UNAUTHORIZED.exception(
                                        "A valid bearer token is required (POST /api/v1/auth/token).")))
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> problems.write(
                                exchange,
                                ProblemType.UNAUTHORIZED.exception(
                                        "A valid bearer token is required (POST /api/v1/auth/token).")))
                        .accessDeniedHandler(denied))
                .addFilterBefore(new PasswordExpiredWebFilter(problems), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    JwtEncoder jwtEncoder(MasterKey masterKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(masterKey.tokenSigningKey()));
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(MasterKey masterKey, Clock clock, SessionService sessions) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(masterKey.tokenSigningKey())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                List.<OAuth2TokenValidator<Jwt>>of(timestamps, new JwtIssuerValidator(TokenService.ISSUER))));
        return new SessionCheckingJwtDecoder(decoder, sessions);
    }

    @Bean
    RouterFunction<ServerResponse> authRoutes(AuthHandler handler) {
        return route(POST("/api/v1/auth/token"), handler::token);
    }

    @Bean
    RouterFunction<ServerResponse> userRoutes(UserHandler users) {
        return route(POST("/api/v1/admin/users"), users::create)
                .andRoute(GET("/api/v1/admin/users"), users::list)
                .andRoute(GET("/api/v1/admin/users/{username}"), users::one)
                .andRoute(PATCH("/api/v1/admin/users/{username}"), users::patch);
    }
}
