package dev.edc.jobe;

/** A request Jobe refuses, answered with its HTTP status and a JSON string saying why, as Jobe does. */
class JobeException extends RuntimeException {

    private final int status;

    JobeException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
