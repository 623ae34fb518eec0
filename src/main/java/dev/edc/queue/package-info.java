/**
 * RabbitMQ: the durable, bounded job queue that workers compete for (publisher confirms, manual
 * acknowledgement after the result is stored, dead letters for what can never run), and the
 * fanout exchange that carries status changes and results to every API node.
 */
package dev.edc.queue;
