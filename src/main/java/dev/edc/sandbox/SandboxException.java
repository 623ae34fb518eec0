package dev.edc.sandbox;

/** The sandbox itself failed (Docker unreachable, image missing): never the program's fault. */
public class SandboxException extends RuntimeException {

    /** What failed: the engine, an image, or the sandbox itself. */
    public enum Kind {
        /** the Docker engine did not answer */
        ENGINE_UNREACHABLE,
        /** the runner image is not on the engine */
        IMAGE_MISSING,
        /** anything else: a container that failed or ended without its report */
        FAILED
    }

    private final Kind kind;
    private final String image;

    public SandboxException(String message, Throwable cause) {
        this(Kind.FAILED, null, message, cause);
    }

    private SandboxException(Kind kind, String image, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.image = image;
    }

    static SandboxException engineUnreachable(String message, Throwable cause) {
        return new SandboxException(Kind.ENGINE_UNREACHABLE, null, message, cause);
    }

    static SandboxException imageMissing(String image, Throwable cause) {
        return new SandboxException(
                Kind.IMAGE_MISSING, image, "Runner image " + image + " is missing on the Docker engine", cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The missing image, for {@link Kind#IMAGE_MISSING}. */
    public String image() {
        return image;
    }
}
