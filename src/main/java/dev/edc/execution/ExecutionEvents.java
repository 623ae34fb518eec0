package dev.edc.execution;

/** Tells every API node that an execution changed. */
public interface ExecutionEvents {

    /** A status while it runs, or its result. */
    void announce(ExecutionKey key, ExecutionResult record);

    /**
     * The events of one run, announced in the order given: its output as it comes, its test cases'
     * verdicts, then its result ({@link EventStream#finish}).
     */
    EventStream open(ExecutionKey key);

    /** The events of one run, in order. */
    interface EventStream {

        /** Output of the program: pieces close together may go as one. Never blocks. */
        void output(OutputChunk.Stream stream, String text);

        /** A test case's verdict. Never blocks. */
        void test(TestResult test);

        /** Announces everything given so far, then the result; returns once it is announced. */
        void finish(ExecutionResult result);

        /** Stops without a result (the run failed and will be tried again); what was given may be lost. */
        void abandon();
    }
}
