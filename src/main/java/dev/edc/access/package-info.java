/**
 * Access control, off by default: named API keys (compared in constant time) for submitting,
 * reading and the STOMP connect, each execution owned by the key that submitted it; admin keys for
 * the operational endpoints and the admin topic (an API key gets 403 there); per-key (or
 * per-address) rate limits with Bucket4j, the buckets in Redis so that every API node shares them;
 * CORS origins for web IDEs on other hosts; a bound on request size.
 */
package dev.edc.access;
