package dev.edc.execution;

import java.util.Map;
import java.util.Optional;

/** Linux signal numbers and the names a result gives them ({@code signal}: {@code SIGSEGV}, or {@code SIG<n>}). */
public final class Signals {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "SIGHUP"),
            Map.entry(2, "SIGINT"),
            Map.entry(3, "SIGQUIT"),
            Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"),
            Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"),
            Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"),
            Map.entry(10, "SIGUSR1"),
            Map.entry(11, "SIGSEGV"),
            Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"),
            Map.entry(14, "SIGALRM"),
            Map.entry(15, "SIGTERM"),
            Map.entry(24, "SIGXCPU"),
            Map.entry(25, "SIGXFSZ"),
            Map.entry(31, "SIGSYS"));

    private Signals() {}

    /** The name of a signal number, e.g. {@code SIGSEGV} for 11. */
    public static String name(int signal) {
        return NAMES.getOrDefault(signal, "SIG" + signal);
    }

    /** The number of a signal named as a result names it; empty for a name that is not one. */
    public static Optional<Integer> number(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<Integer> known = NAMES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(name))
                .map(Map.Entry::getKey)
                .findFirst();
        if (known.isPresent() || !name.matches("SIG\\d{1,2}")) {
            return known;
        }
        return Optional.of(Integer.parseInt(name.substring(3)));
    }
}
