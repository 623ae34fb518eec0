package dev.edc.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A job as the init reads it from the container's stdin (runners/PROTOCOL.md, "The job"): records
 * {@code "<key> <length>[ <name>]\n"} and that many bytes, ended by {@code end}. Stdin goes as one
 * payload because closing an attached stdin never reaches the container with docker-java's
 * httpclient5 transport; interactive input and a stop follow as records of their own.
 */
final class Payload {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Payload() {}

    static byte[] of(SandboxJob job) {
        Payload payload = new Payload();
        job.files().forEach(file -> payload.record("file", file.path(), file.content()));
        if (job.compileCommand() != null) {
            payload.record("compile", job.compileCommand());
        }
        if (job.runCommand() != null) {
            payload.record("run", job.runCommand());
        }
        payload.option(
                "time",
                job.interactive() ? job.wallLimit().toMillis() : job.timeLimit().toMillis());
        if (job.interactive()) {
            payload.option("cpu-time", job.timeLimit().toMillis());
            payload.option("interactive", 1);
        }
        payload.option("output", job.outputBytes());
        payload.option("compile-time", job.compileTimeout().toMillis());
        payload.option("compile-output", job.compileOutputBytes());
        payload.record("stdin", null, job.stdin());
        job.args().forEach(arg -> payload.record("arg", arg));
        for (SandboxJob.TestInput test : job.cases()) {
            payload.record("case", null, test.stdin());
            if (test.args() != null) {
                payload.record("case-noargs", null, new byte[0]);
                test.args().forEach(arg -> payload.record("case-arg", arg));
            }
        }
        payload.record("end", null, new byte[0]);
        return payload.out.toByteArray();
    }

    static byte[] input(byte[] bytes) {
        return single("input", bytes);
    }

    static byte[] endOfInput() {
        return single("eof", new byte[0]);
    }

    static byte[] stop() {
        return single("stop", new byte[0]);
    }

    private static byte[] single(String key, byte[] value) {
        Payload payload = new Payload();
        payload.record(key, null, value);
        return payload.out.toByteArray();
    }

    private void option(String key, long value) {
        record("set", key + "=" + value);
    }

    private void record(String key, String value) {
        record(key, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private void record(String key, String name, byte[] value) {
        String header = key + " " + value.length + (name == null ? "" : " " + name) + "\n";
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value);
    }

    /** Whether a path is one the init accepts: relative, {@code [A-Za-z0-9._-]} segments, no {@code .} or {@code ..}. */
    static boolean isValidPath(String path) {
        if (path.isEmpty() || path.length() > 255 || !path.matches("[A-Za-z0-9._/-]+")) {
            return false;
        }
        return List.of(path.split("/", -1)).stream().noneMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."));
    }
}
