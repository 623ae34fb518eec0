/**
 * EDC, "exécution de code": a service that runs untrusted programs in single-use, locked-down
 * Docker containers. The {@code api} package takes requests over HTTP, {@code execution} holds the
 * request, result and the service that submits and reads them, {@code language} the registry of
 * runnable language versions (configuration, not code), {@code queue} the RabbitMQ topology,
 * publisher and worker listener, {@code sandbox} the Docker sandbox and its runner images,
 * {@code store} the Redis result store and {@code push} the STOMP delivery of results;
 * {@code operations} shows operators the workers, the queue and the recent executions;
 * {@code piston}, {@code judge0} and {@code jobe} answer other runners' APIs, each a translation
 * onto {@code execution} for the clients that already speak them.
 */
package dev.edc;
