package dev.edc.sandbox;

import java.time.Instant;

/**
 * A sandbox container that is created, attached and started, its init waiting on stdin for a job.
 * It serves exactly one job.
 *
 * @param id        the container's id
 * @param spec      what it was made to: a job may use it only if it asks for the same
 * @param input     its stdin
 * @param recorder  what its init reports
 * @param stream    the attach stream, closed when the container is discarded
 * @param startedAt when it was started, to retire it before its deadline label expires
 * @param cgroup    its cgroup on the host, where the worker measures its memory; null: its init does
 */
record LiveContainer(
        String id,
        SandboxSpec spec,
        ContainerInput input,
        RunRecorder recorder,
        InitStream stream,
        Instant startedAt,
        HostCgroup cgroup) {

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
