/**
 * Access control, off by default: named API keys (compared in constant time) for submitting,
 * reading and the STOMP connect, each execution owned by the key that submitted it; per-key (or
 * per-address) rate limits with Bucket4j; CORS origins for web IDEs on other hosts; a bound on
 * request size.
 */
package dev.edc.access;
