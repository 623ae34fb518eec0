/**
 * The registry of runnable language versions. Each one is an entry of {@code edc.languages}
 * (runner image, source file name, compile and run commands, default limits, aliases) bound to a
 * record; nothing in the code branches on a language's name, so a new language is configuration
 * and, where its toolchain is not in an image yet, a runner image.
 */
package dev.edc.language;
