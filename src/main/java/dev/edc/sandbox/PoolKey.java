package dev.edc.sandbox;

import java.util.List;

/** What a container is fixed to at creation; two specs with the same key can share a warm pool. */
record PoolKey(String image, List<String> command, long memoryBytes, int pids) {

    static PoolKey of(SandboxSpec spec) {
        return new PoolKey(spec.image(), spec.command(), spec.memoryBytes(), spec.pids());
    }
}
