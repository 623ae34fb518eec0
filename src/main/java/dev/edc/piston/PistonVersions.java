package dev.edc.piston;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Piston names versions the semver way: EDC's {@code 17} is {@code 17.0.0}, {@code 3.13} is
 * {@code 3.13.0}. A client selects with a version, a prefix of one ({@code 17}, {@code 3.13}), an
 * {@code x} or {@code *} wildcard ({@code 3.x}, {@code *}), and gets the newest match.
 */
final class PistonVersions {

    private static final Comparator<String> NEWEST_LAST = Comparator.comparing(PistonVersions::parts, Arrays::compare);

    private PistonVersions() {}

    /** The semver form of an EDC version: numeric parts padded to three; any other version as it is. */
    static String semver(String version) {
        if (!version.matches("\\d+(\\.\\d+){0,2}")) {
            return version;
        }
        String[] parts = version.split("\\.");
        StringBuilder semver = new StringBuilder(version);
        for (int i = parts.length; i < 3; i++) {
            semver.append(".0");
        }
        return semver.toString();
    }

    /** The newest of the candidates whose semver version the selector matches. */
    static <T> Optional<T> newestMatching(List<T> candidates, Function<T, String> version, String selector) {
        return candidates.stream()
                .filter(candidate -> matches(semver(version.apply(candidate)), selector.strip()))
                .max(Comparator.comparing(candidate -> semver(version.apply(candidate)), NEWEST_LAST));
    }

    static boolean matches(String semver, String selector) {
        if (selector.equals(semver) || selector.equals("*") || selector.equalsIgnoreCase("x")) {
            return true;
        }
        String[] wanted = selector.split("\\.", -1);
        String[] have = semver.split("\\.", -1);
        if (wanted.length > have.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean wildcard = wanted[i].equals("*") || wanted[i].equalsIgnoreCase("x");
            if (!wildcard && !wanted[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /** Numeric parts for ordering; a part that is not a number orders first. */
    private static int[] parts(String semver) {
        return Arrays.stream(semver.split("\\."))
                .mapToInt(part -> part.matches("\\d{1,9}") ? Integer.parseInt(part) : -1)
                .toArray();
    }
}
