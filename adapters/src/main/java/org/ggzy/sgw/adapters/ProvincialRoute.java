package org.ggzy.sgw.adapters;

/**
 * The provincial supervision platform: each accepted record (in the national field codes, as the platform pushed it,
 * masked if the platform is not entitled to personal data) and each warning, posted as JSON.
 */
class ProvincialRoute extends HttpDestinationRoute {

    ProvincialRoute(ProvincialProperties properties) {
        super("provincial", properties);
    }
}
