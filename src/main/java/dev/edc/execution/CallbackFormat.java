package dev.edc.execution;

/**
 * How a callback carries its result: as EDC's own record, or as the API the job came through
 * promises its clients (a Judge0 client's {@code callback_url} gets what Judge0 would send).
 */
public enum CallbackFormat {
    /** A signed POST of EDC's result. */
    EDC,
    /** A signed PUT of the Judge0 submission: Judge0's default attributes, texts in Base64. */
    JUDGE0
}
