/**
 * Access control, off by default: API keys for submitting and for the STOMP connect, per-key (or
 * per-address) rate limits with Bucket4j, CORS origins for web IDEs on other hosts, and a bound
 * on request size.
 */
package dev.edc.access;
