/**
 * The result store: one Redis record per execution ({@code QUEUED} → {@code RUNNING} → final),
 * created atomically so a reused uuid is refused, kept apart per owner, and expiring after
 * {@code edc.execution.result-ttl}. Each write also keeps, in the same Lua script, a bounded index
 * of recent executions (their summaries, for operators) and the count of executions finished per
 * minute. Implements {@link dev.edc.execution.ResultStore} and
 * {@link dev.edc.execution.ExecutionHistory}.
 */
package dev.edc.store;
