package dev.edc.judge0;

import java.util.ArrayList;
import java.util.List;

/**
 * Judge0's {@code command_line_arguments} as the arguments a shell would pass: Judge0 appends the
 * string to its run command in bash after dropping {@code $&;<>|`}, so words split on blanks,
 * quotes group, a backslash escapes.
 */
final class CommandLine {

    private CommandLine() {}

    static List<String> split(String line) {
        String text = line.replaceAll("[$&;<>|`]", "");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\'
                        && quote == '"'
                        && i + 1 < text.length()
                        && "\"\\".indexOf(text.charAt(i + 1)) >= 0) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
