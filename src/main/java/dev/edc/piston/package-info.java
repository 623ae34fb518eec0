/**
 * Piston's v2 API at {@code /api/v2}, for the clients of Piston (engineer-man/piston): runtimes with
 * semver-style versions, and a synchronous execute answered with Piston's {@code run} and
 * {@code compile} stages. A thin translation onto {@code ExecutionService}: the same queue, sandbox,
 * limits and keys as EDC's own API; the versions are derived from each configured language
 * version, never from a table in code.
 */
package dev.edc.piston;
