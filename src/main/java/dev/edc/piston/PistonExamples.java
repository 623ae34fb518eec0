package dev.edc.piston;

import java.util.List;

/** Examples and the request's schema for the OpenAPI document. */
final class PistonExamples {

    static final String RUNTIMES = """
            [{"language": "java", "version": "17.0.0", "aliases": [], "runtime": "OpenJDK 17 (Debian bookworm)"},
             {"language": "javascript", "version": "20.0.0", "aliases": ["js", "node", "nodejs"], "runtime": "Node.js 20 (Debian trixie)"}]""";

    static final String EXECUTE = """
            {"language": "js", "version": "20", "files": [{"name": "my_cool_code.js", "content": "console.log(process.argv.slice(2))"}],
             "stdin": "", "args": ["1", "2", "3"], "compile_timeout": 10000, "run_timeout": 3000,
             "compile_memory_limit": -1, "run_memory_limit": -1}""";

    static final String EXECUTED = """
            {"language": "javascript", "version": "20.0.0",
             "run": {"stdout": "[ '1', '2', '3' ]\\n", "stderr": "", "output": "[ '1', '2', '3' ]\\n", "code": 0,
                     "signal": null, "message": null, "status": null, "memory": 41943040, "wall_time": 38}}""";

    static final String UNKNOWN = """
            {"message": "cobol-3.0.0 runtime is unknown"}""";

    private PistonExamples() {}

    /** The body of {@code POST /api/v2/execute}, for the documentation (it is read as JSON, unknown fields ignored). */
    record ExecuteRequest(
            String language,
            String version,
            List<File> files,
            String stdin,
            List<String> args,
            Long run_timeout,
            Long compile_timeout,
            Long run_memory_limit,
            Long compile_memory_limit) {

        record File(String name, String content, String encoding) {}
    }
}
