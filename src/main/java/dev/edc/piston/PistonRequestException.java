package dev.edc.piston;

/** A request Piston's API refuses: answered {@code 400 {"message": ...}}, as Piston does. */
class PistonRequestException extends RuntimeException {

    PistonRequestException(String message) {
        super(message);
    }
}
