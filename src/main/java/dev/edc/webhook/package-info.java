/**
 * Webhooks: a request's {@code callbackUrl} gets its final result (EDC's POST, or the format of the
 * API the job came through: {@link dev.edc.webhook.CallbackBody}), signed with HMAC-SHA256, retried
 * with backoff through RabbitMQ wait queues (so a process restart loses no delivery), never to
 * addresses inside unless allowed. Implements {@link dev.edc.execution.Webhooks}.
 */
package dev.edc.webhook;
