package dev.edc.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a program receives: its source, its stdin and its arguments, sent to the runner as one
 * length-prefixed payload, because closing an attached stdin never reaches the container as
 * end-of-file with docker-java's httpclient5 transport.
 */
public record SandboxInput(String source, byte[] stdin, List<String> args) {

    /** Records {@code "<key> <length>\n"} followed by that many bytes, ended by {@code "end 0\n"}. */
    public byte[] payload() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length() + stdin.length + 256);
        record(out, "source", source.getBytes(StandardCharsets.UTF_8));
        record(out, "stdin", stdin);
        args.forEach(arg -> record(out, "arg", arg.getBytes(StandardCharsets.UTF_8)));
        record(out, "end", new byte[0]);
        return out.toByteArray();
    }

    private static void record(ByteArrayOutputStream out, String key, byte[] value) {
        out.writeBytes((key + " " + value.length + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(value);
    }
}
