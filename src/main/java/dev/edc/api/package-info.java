/**
 * The HTTP API of API.md: submitting and reading executions, listing languages, and problem
 * details for every error.
 */
package dev.edc.api;
