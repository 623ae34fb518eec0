package dev.edc.judge0;

/** A request Judge0 answers {@code 400 {"error": ...}} (bad fields, a batch too big or empty). */
class Judge0BadRequestException extends RuntimeException {

    Judge0BadRequestException(String error) {
        super(error);
    }
}
