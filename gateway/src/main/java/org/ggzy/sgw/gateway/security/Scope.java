package org.ggzy.sgw.gateway.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * What a person may see: a regulator sees the regions they are scoped to and everything below them (a province
 * {@code 350000} sees {@code 35xxxx}; a city {@code 350100} sees {@code 3501xx}), in the trade types they are scoped
 * to. No person's scope is global (三员分立: the administrators see no business data, see {@link AccessMatrix}); only the
 * gateway itself ({@link #system()}) sees everything.
 *
 * @param actor the username, as recorded in events
 * @param global whether the scope is unrestricted
 * @param regionPrefixes the region-code prefixes visible (a code is visible when it starts with one of them)
 * @param tradeTypes the trade types visible ({@code gcjs}, {@code zfcg}); empty means all
 */
public record Scope(String actor, boolean global, List<String> regionPrefixes, Set<String> tradeTypes) {

    public Scope {
        regionPrefixes = List.copyOf(regionPrefixes);
        tradeTypes = Set.copyOf(tradeTypes);
    }

    /** The scope of the caller's bearer token. */
    public static Mono<Scope> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(a -> of(((JwtAuthenticationToken) a).getToken()));
    }

    static Scope of(Jwt jwt) {
        List<String> prefixes =
                list(jwt, "regions").stream().map(Scope::prefix).distinct().toList();
        return new Scope(jwt.getSubject(), false, prefixes, Set.copyOf(list(jwt, "tradeTypes")));
    }

    /** The prefix of a region code: its province, city or county digits. */
    public static String prefix(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        return regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
    }

    public boolean sees(String regionCode, String tradeType) {
        if (global) {
            return true;
        }
        boolean region = regionCode != null && regionPrefixes.stream().anyMatch(regionCode::startsWith);
        return region && (tradeType == null || tradeTypes.isEmpty() || tradeTypes.contains(tradeType));
    }

    public static Scope system() {
        return new Scope("system", true, List.of(), Set.of());
    }

    private static List<String> list(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
