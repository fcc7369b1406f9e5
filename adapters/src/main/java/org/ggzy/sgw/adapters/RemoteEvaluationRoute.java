package org.ggzy.sgw.adapters;

/**
 * The remote-evaluation system: the section, bid-opening and expert records of the sections it evaluates (the
 * gateway's routing table chooses which), posted as JSON.
 */
class RemoteEvaluationRoute extends HttpDestinationRoute {

    RemoteEvaluationRoute(RemoteEvaluationProperties properties) {
        super("remote-evaluation", properties);
    }
}
