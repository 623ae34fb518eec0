/**
 * The sandbox: {@link dev.edc.sandbox.Sandbox} runs a spec (image, limits) on an input (source,
 * stdin, args) in a fresh, locked-down container and reports what happened. It knows nothing of
 * languages or HTTP. Runner images are checked (and built if missing) when a worker starts, and a
 * reaper removes any container left past its deadline.
 */
package dev.edc.sandbox;
