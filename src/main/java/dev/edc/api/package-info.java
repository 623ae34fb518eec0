/**
 * The HTTP API of API.md: submitting and reading executions, listing languages, and problem
 * details for every error; its OpenAPI document (springdoc) is built from these controllers.
 * The playground page at {@code /} (static resources) is a browser client of this API.
 */
package dev.edc.api;
