package org.ggzy.sgw.gateway.security;

import java.time.Clock;
import java.time.Instant;
import org.ggzy.sgw.gateway.session.SessionService;
import org.ggzy.sgw.gateway.session.TokenState;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues the access tokens of the embedded identity provider (HS256, key derived from the master key). */
@Service
class TokenService {

    static final String ISSUER = "sgw";

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A token for the user at its current token version; when the password has expired, one that only allows
     * changing it ({@code passwordExpired} in the answer).
     */
    Token issue(AppUser user, TokenState state, boolean passwordExpired) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.username())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim("roles", user.roles())
                .claim("regions", user.regionCodes())
                .claim("tradeTypes", user.tradeTypes())
                .claim(SessionService.VERSION_CLAIM, state.version())
                .claims(c -> {
                    if (passwordExpired) {
                        c.put(SessionService.PASSWORD_EXPIRED_CLAIM, true);
                    }
                })
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Token(value, "Bearer", properties.tokenTtl().toSeconds(), passwordExpired);
    }

    record Token(String accessToken, String tokenType, long expiresIn, boolean passwordExpired) {}
}
