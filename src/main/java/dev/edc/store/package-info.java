/**
 * The result store: one Redis record per execution ({@code QUEUED} → {@code RUNNING} → final),
 * created atomically so a reused uuid is refused, kept apart per owner, and expiring after
 * {@code edc.execution.result-ttl}. Implements {@link dev.edc.execution.ResultStore}.
 */
package dev.edc.store;
