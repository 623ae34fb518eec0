package dev.edc.api;

/**
 * The examples of the OpenAPI document, taken from API.md (constants, as annotations need them).
 * Problem details repeat the {@code detail} texts the service really answers.
 */
final class ApiExamples {

    static final String HELLO_WORLD_REQUEST = """
            {
              "code": "public class HelloWorld { public static void main(String[] args) { System.out.println(\\"Hello, World!\\"); } }",
              "language": "java",
              "version": "17"
            }""";

    static final String FULL_REQUEST = """
            {
              "code": "public class HelloWorld { public static void main(String[] args) { System.out.println(\\"Hello, World!\\"); } }",
              "language": "java",
              "version": "17",
              "uuid": "1",
              "stdin": "optional text fed to the program",
              "args": ["optional", "command", "line", "arguments"],
              "limits": { "timeMs": 5000, "memoryMb": 256, "outputKb": 64 },
              "expectedOutput": "Hello, World!\\n",
              "callbackUrl": "https://grader.example.org/edc/results"
            }""";

    static final String TESTS_REQUEST = """
            {
              "language": "python",
              "code": "print(sum(map(int, input().split())))",
              "tests": [
                { "name": "small", "stdin": "1 2\\n", "expectedOutput": "3\\n" },
                { "name": "negative", "stdin": "-1 -2\\n", "expectedOutput": "-3\\n", "args": [] }
              ],
              "compare": "float",
              "epsilon": 0.000001
            }""";

    static final String INTERACTIVE_REQUEST = """
            {
              "language": "python",
              "code": "name = input('name? ')\\nprint('hello', name)",
              "interactive": true
            }""";

    static final String FILES_REQUEST = """
            {
              "files": [
                { "name": "Main.java", "content": "public class Main { public static void main(String[] args) { System.out.println(Greeting.text()); } }" },
                { "name": "Greeting.java", "content": "class Greeting { static String text() { return \\"Hello, World!\\"; } }" }
              ],
              "language": "java"
            }""";

    static final String ACCEPTED = """
            { "uuid": "1", "status": "QUEUED", "resultTopic": "/topic/result/1", "controlToken": "q5Jd0vP3m7Xc2Lw9KfT4bZr8" }""";

    static final String RESULT = """
            {
              "uuid": "1",
              "language": "java",
              "version": "17",
              "status": "SUCCESS",
              "exitCode": 0,
              "signal": null,
              "stdout": "Hello, World!\\n",
              "stderr": "",
              "compileOutput": "",
              "outputTruncated": false,
              "timeMs": 87,
              "memoryKb": 31244,
              "queuedAt": "2026-11-25T10:00:00.000Z",
              "startedAt": "2026-11-25T10:00:00.020Z",
              "finishedAt": "2026-11-25T10:00:00.150Z",
              "message": null
            }""";

    static final String RUNNING = """
            {
              "uuid": "1",
              "language": "java",
              "version": "17",
              "status": "RUNNING",
              "exitCode": null,
              "signal": null,
              "stdout": null,
              "stderr": null,
              "compileOutput": null,
              "outputTruncated": false,
              "timeMs": null,
              "memoryKb": null,
              "queuedAt": "2026-11-25T10:00:00.000Z",
              "startedAt": "2026-11-25T10:00:00.020Z",
              "finishedAt": null,
              "message": null
            }""";

    static final String LANGUAGES = """
            [
              { "language": "java", "version": "17", "aliases": [], "default": true, "runtime": "OpenJDK 17 (Debian bookworm)", "status": "available" },
              { "language": "javascript", "version": "20", "aliases": ["js", "node", "nodejs"], "default": true, "runtime": "Node.js 20 (Debian trixie)", "status": "available" }
            ]""";

    static final String MISSING_FIELD = """
            { "title": "Invalid request", "status": 400, "detail": "code is required.", "instance": "/execute-code" }""";

    static final String UNKNOWN_LANGUAGE = """
            { "title": "Unknown language", "status": 400, "instance": "/execute-code",
              "detail": "Language 'cobol' is not supported. Supported languages: java, javascript, python, c, cpp, go, rust, typescript." }""";

    static final String UNKNOWN_VERSION = """
            { "title": "Unknown version", "status": 400, "instance": "/execute-code",
              "detail": "Version '8' of java is not supported. Supported versions: 11, 17, 21, 25." }""";

    static final String LIMIT_ABOVE_MAXIMUM = """
            { "title": "Limit above maximum", "status": 400, "instance": "/execute-code",
              "detail": "limits.timeMs is 999999 but this server allows at most 20000." }""";

    static final String UUID_USED = """
            { "title": "Execution already exists", "status": 409, "instance": "/execute-code",
              "detail": "uuid '1' is already used by another execution; choose another or omit it." }""";

    static final String CODE_TOO_LARGE = """
            { "title": "Content too large", "status": 413, "instance": "/execute-code",
              "detail": "code is 70000 bytes but this server accepts at most 65536 bytes." }""";

    static final String QUEUE_FULL = """
            { "title": "Queue full", "status": 429, "instance": "/execute-code",
              "detail": "The execution queue is full; nothing was queued. Retry after a few seconds." }""";

    static final String BROKER_UNAVAILABLE = """
            { "title": "Service unavailable", "status": 503, "instance": "/execute-code",
              "detail": "The message broker (RabbitMQ) is unavailable; nothing was queued." }""";

    static final String NOT_FOUND = """
            { "title": "Execution not found", "status": 404, "instance": "/executions/1",
              "detail": "No execution '1' exists: it was never submitted or its result has expired." }""";

    static final String STORE_UNAVAILABLE = """
            { "title": "Service unavailable", "status": 503, "instance": "/executions/1",
              "detail": "The result store (Redis) is unavailable." }""";

    private ApiExamples() {}
}
