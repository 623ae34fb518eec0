package dev.edc.execution;

/** A queued job that can never be processed, however often it is tried: it goes to the dead letters. */
public class PoisonJobException extends RuntimeException {

    public PoisonJobException(String message) {
        super(message);
    }
}
