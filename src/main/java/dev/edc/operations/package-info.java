/**
 * Operations: what Celery Flower and RabbitMQ's management UI gave the operators of the service
 * EDC replaces. Workers report themselves in Redis every few seconds ({@code GET /workers}); the
 * job queue is read from the broker and cached briefly ({@code GET /queue}); the most recent
 * executions come from the store's index ({@code GET /executions}); {@code /admin} shows it all,
 * live over the admin STOMP topic; the workers and the queue are gauges for Prometheus. Depends on
 * the other packages, none on it.
 */
package dev.edc.operations;
