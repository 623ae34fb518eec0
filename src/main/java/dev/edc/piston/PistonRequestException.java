package dev.edc.piston;

/** A request Piston's API refuses: answered {@code 400 {"message": ...}} (or another status), as Piston does. */
class PistonRequestException extends RuntimeException {

    private final int status;

    PistonRequestException(String message) {
        this(400, message);
    }

    PistonRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
