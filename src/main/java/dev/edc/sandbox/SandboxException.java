package dev.edc.sandbox;

/** The sandbox itself failed (Docker unreachable, image missing): never the program's fault. */
public class SandboxException extends RuntimeException {

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
