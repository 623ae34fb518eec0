/**
 * Executions: the request and its limits, the record that is stored and pushed, the job that is
 * queued, the service that submits and reads them and the worker that runs a job and turns the
 * sandbox's outcome into a verdict.
 */
package dev.edc.execution;
