package dev.edc.judge0;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which attributes of a submission to answer: {@code fields} as Judge0 reads it (comma-separated
 * names, {@code *} for all, absent for Judge0's default eight), or the names it does not know.
 */
record Judge0Fields(List<String> names) {

    /** Every attribute of a Judge0 CE submission, in Judge0's order. */
    static final List<String> ALL = List.of(
            "source_code",
            "language_id",
            "stdin",
            "expected_output",
            "stdout",
            "status_id",
            "created_at",
            "finished_at",
            "time",
            "memory",
            "stderr",
            "token",
            "number_of_runs",
            "cpu_time_limit",
            "cpu_extra_time",
            "wall_time_limit",
            "memory_limit",
            "stack_limit",
            "max_processes_and_or_threads",
            "enable_per_process_and_thread_time_limit",
            "enable_per_process_and_thread_memory_limit",
            "max_file_size",
            "compile_output",
            "exit_code",
            "exit_signal",
            "message",
            "wall_time",
            "compiler_options",
            "command_line_arguments",
            "redirect_stderr_to_stdout",
            "callback_url",
            "additional_files",
            "enable_network",
            "started_at",
            "queued_at",
            "status",
            "language");

    static final List<String> DEFAULT =
            List.of("token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status");

    static final Judge0Fields TOKEN = new Judge0Fields(List.of("token"));

    /**
     * The fields asked for.
     *
     * @throws Judge0BadRequestException naming the unknown ones, as Judge0 does
     */
    static Judge0Fields parse(String fields) {
        if (fields == null || fields.isBlank()) {
            return new Judge0Fields(DEFAULT);
        }
        if (fields.strip().equals("*")) {
            return new Judge0Fields(ALL);
        }
        List<String> names = Arrays.stream(fields.split(",")).map(String::strip).toList();
        List<String> unknown = new ArrayList<>(
                names.stream().filter(name -> !ALL.contains(name)).toList());
        if (!unknown.isEmpty()) {
            throw new Judge0BadRequestException("invalid fields: [" + String.join(", ", unknown) + "]");
        }
        return new Judge0Fields(names);
    }
}
