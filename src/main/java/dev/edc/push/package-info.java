/**
 * Push: STOMP over WebSocket at {@code /ws}. Each API node reads every result from RabbitMQ's
 * fanout and pushes it to its own subscribers; a subscriber that arrives after the end gets the
 * stored result, and each subscription gets the result once. Clients subscribe only to literal
 * topics of an execution, within their API key's namespace. When the node consumes results again
 * after losing its queue (a broker restart), the subscriptions still waiting are checked against
 * the store.
 */
package dev.edc.push;
