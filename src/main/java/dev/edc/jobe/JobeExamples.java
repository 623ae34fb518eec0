package dev.edc.jobe;

/** Examples for the OpenAPI document: what CodeRunner sends and receives. */
final class JobeExamples {

    static final String RUN = """
            {"run_spec": {"language_id": "python3", "sourcecode": "print(open('data.txt').read().upper())",
             "sourcefilename": "__tester__.python3", "input": "", "file_list": [["a1b2c3d4e5f60718", "data.txt"]],
             "parameters": {"cputime": 3, "memorylimit": 200}}}""";

    static final String OUTCOME = """
            {"run_id": "3b2cbaf9-1b2b-4f60-a3c4-5bd1a3e0c2d7", "outcome": 15, "cmpinfo": "", "stdout": "HELLO\\n", "stderr": ""}""";

    static final String LANGUAGES = """
            [["java", "17"], ["javascript", "20"], ["js", "20"], ["node", "20"], ["nodejs", "20"]]""";

    static final String FILE = """
            {"file_contents": "aGVsbG8K"}""";

    private JobeExamples() {}
}
