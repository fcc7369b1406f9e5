/**
 * Delivery to downstream systems: one Camel {@code RouteBuilder} per destination (route ids
 * {@code adapter.<destination>.<step>}), a shared error-handling route configuration, and a {@code *Properties}
 * record per destination. This module never imports the gateway.
 */
package org.ggzy.sgw.adapters;
