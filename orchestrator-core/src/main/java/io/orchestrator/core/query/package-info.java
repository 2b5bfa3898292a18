/**
 * The query language of DESIGN §9.1: one parser for search, topology filters, WebSocket
 * subscriptions and alert rules, and the matching of nodes and edges against a query.
 */
package io.orchestrator.core.query;
