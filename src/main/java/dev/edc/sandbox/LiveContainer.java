package dev.edc.sandbox;

import java.time.Instant;

/**
 * A sandbox container that is created, attached and started, its runner waiting on stdin for a
 * payload. It serves exactly one job.
 *
 * @param id        the container's id
 * @param key       the limits it was created with: a job may use it only if its own are the same
 * @param stdin     where the job's payload goes
 * @param output    its attached stdout and stderr
 * @param startedAt when it was started, to retire it before its deadline label expires
 */
record LiveContainer(String id, PoolKey key, PayloadStream stdin, OutputCollector output, Instant startedAt) {

    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
