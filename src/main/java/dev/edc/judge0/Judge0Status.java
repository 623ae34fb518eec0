package dev.edc.judge0;

import dev.edc.execution.ExecutionResult;
import dev.edc.execution.Signals;

/**
 * Judge0's statuses, ids and descriptions as Judge0 CE has them, and which one each EDC result is:
 * a runtime error by its signal as isolate reports it (no signal: NZEC), the memory limit as the
 * kill it is (Other), the output limit as the file size limit Judge0 enforces it with (SIGXFSZ), a
 * run cancelled through EDC's own API as what Judge0 has for "not the program's doing" (Internal
 * Error).
 */
enum Judge0Status {
    IN_QUEUE(1, "In Queue"),
    PROCESSING(2, "Processing"),
    ACCEPTED(3, "Accepted"),
    WRONG_ANSWER(4, "Wrong Answer"),
    TIME_LIMIT_EXCEEDED(5, "Time Limit Exceeded"),
    COMPILATION_ERROR(6, "Compilation Error"),
    SIGSEGV(7, "Runtime Error (SIGSEGV)"),
    SIGXFSZ(8, "Runtime Error (SIGXFSZ)"),
    SIGFPE(9, "Runtime Error (SIGFPE)"),
    SIGABRT(10, "Runtime Error (SIGABRT)"),
    NZEC(11, "Runtime Error (NZEC)"),
    OTHER(12, "Runtime Error (Other)"),
    INTERNAL_ERROR(13, "Internal Error"),
    EXEC_FORMAT_ERROR(14, "Exec Format Error");

    private final int id;
    private final String description;

    Judge0Status(int id, String description) {
        this.id = id;
        this.description = description;
    }

    int id() {
        return id;
    }

    String description() {
        return description;
    }

    /** As Judge0 writes a status: {@code {"id": 3, "description": "Accepted"}}. */
    View view() {
        return new View(id, description);
    }

    record View(int id, String description) {}

    static Judge0Status of(ExecutionResult result) {
        return switch (result.status()) {
            case QUEUED -> IN_QUEUE;
            case RUNNING -> PROCESSING;
            case SUCCESS -> ACCEPTED;
            case WRONG_ANSWER -> WRONG_ANSWER;
            case TIME_LIMIT_EXCEEDED -> TIME_LIMIT_EXCEEDED;
            case COMPILATION_ERROR -> COMPILATION_ERROR;
            case MEMORY_LIMIT_EXCEEDED -> OTHER;
            case OUTPUT_LIMIT_EXCEEDED -> SIGXFSZ;
            case RUNTIME_ERROR -> ofSignal(result.signal());
            case INTERNAL_ERROR, CANCELLED -> INTERNAL_ERROR;
        };
    }

    private static Judge0Status ofSignal(String signal) {
        if (signal == null) {
            return NZEC;
        }
        return switch (Signals.number(signal).orElse(0)) {
            case 11 -> SIGSEGV;
            case 25 -> SIGXFSZ;
            case 8 -> SIGFPE;
            case 6 -> SIGABRT;
            default -> OTHER;
        };
    }
}
