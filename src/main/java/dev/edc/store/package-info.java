/**
 * The result store: one Redis record per execution ({@code QUEUED} → {@code RUNNING} → final),
 * created atomically so a reused uuid is refused, and expiring after {@code edc.execution.result-ttl}.
 */
package dev.edc.store;
