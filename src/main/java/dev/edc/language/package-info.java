/**
 * The registry of runnable language versions. Each one is an entry of {@code edc.languages}
 * (image, default limits, aliases) bound to a record; nothing in the code branches on a
 * language's name, so a new language is configuration and a runner image.
 */
package dev.edc.language;
