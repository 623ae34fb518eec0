/**
 * RabbitMQ: the durable, bounded job queue that workers compete for (publisher confirms,
 * acknowledgement after the result is stored, a wait queue for jobs tried again later, dead
 * letters for what can never run), and the fanout exchange that carries status changes and
 * results to every API node. Implements {@link dev.edc.execution.JobQueue} and
 * {@link dev.edc.execution.ExecutionEvents}.
 */
package dev.edc.queue;
