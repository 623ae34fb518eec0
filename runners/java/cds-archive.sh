#!/bin/sh
# Makes the Java runner's class-data sharing (AppCDS) archive at image build time:
#   cds-archive.sh ARCHIVE JAVA-OPTIONS...   (the CMD's options and class path, without the archive)
# A training run of EdcJava records the classes it loads (the JDK's, javac's, EdcJava's), then a
# static dump stores them parsed, verified and linked: a container then maps them instead of loading
# javac's ~2,000 classes from the module image. Static, not dynamic (-XX:ArchiveClassesAtExit): the
# only way on JDK 11, and on 17 and 21 it measured as fast or faster, so one way serves all three.
# The archive is dumped with the CMD's options (same GC), and checked with -Xshare:on; the CMD runs
# with the default -Xshare:auto, so an archive the JVM would not take costs speed, never a run.
set -eu
archive=$1
shift
# The build sees the host's memory, not a sandbox's limit: on a host of over ~53 GB, 60 % would be
# a heap too large for compressed oops, and an archive dumped so would not fit a sandbox's heap.
set -- -XX:MaxRAM=1g "$@"
work=$(mktemp -d)

# The training job: javac with a diagnostic (its message formatting), then a program using what
# programs commonly do (readers, Scanner, collections, streams, formatting). No single quotes inside.
src='import java.io.*;
import java.util.*;
import java.util.stream.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        List<String> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) lines.add(line);
        Scanner sc = new Scanner(String.join("\n", lines));
        long sum = 0;
        while (sc.hasNextInt()) sum += sc.nextInt();
        Map<String, Integer> counts = new TreeMap<>();
        for (String w : "a b a c".split(" ")) counts.merge(w, 1, Integer::sum);
        List raw = new ArrayList(); raw.add(sum); // unchecked: javac writes a note
        String joined = Arrays.stream(args).map(String::toUpperCase).collect(Collectors.joining(","));
        System.out.println("Hello " + sum + " " + counts + " " + raw + " " + joined);
        System.out.printf("%d %.3f %s%n", IntStream.rangeClosed(1, 10).sum(), Math.sqrt(2), String.format("%5s|", "x"));
    }
}'
# The program's file is in the working directory, as the init leaves it; the job names it and
# gives an argument, and the program's stdin follows.
mkdir "$work/run"
printf '%s' "$src" > "$work/run/Main.java"
cd "$work/run"
job() {
  printf 'main 9\nMain.javaarg 1\nxend 0\n1 2 3\n'
}

# Run directly, not through the init. The job comes after a pause, so the warm-up compilations
# (run only while stdin is empty) are part of the training too.
(sleep 2; job) | java "$@" -XX:DumpLoadedClassList="$work/classes.lst" EdcJava > "$work/out"
grep -q '^Hello 6 ' "$work/out" || { echo "CDS training run failed:"; cat "$work/out"; exit 1; }
# The job's own classes (loaded by EdcJava's in-memory loader) cannot be archived: their lambda
# lines would only add warnings to the dump.
grep -v -E '^@lambda-proxy (Main|Warm[0-9]*) ' "$work/classes.lst" > "$work/shared.lst"
java "$@" -Xshare:dump -XX:SharedClassListFile="$work/shared.lst" -XX:SharedArchiveFile="$archive" \
  > "$work/dump.log" 2>&1 || { cat "$work/dump.log"; exit 1; }
chmod 444 "$archive"

# With the archive required (-Xshare:on) a job must still run, with nothing on stderr but the
# ready mark: a warning there, before the mark, would keep the worker from seeing a ready runner.
job | java "$@" -Xshare:on -XX:SharedArchiveFile="$archive" EdcJava > "$work/out" 2> "$work/err"
grep -q '^Hello 6 ' "$work/out" || { echo "run with the CDS archive failed:"; cat "$work/out" "$work/err"; exit 1; }
if [ "$(tr -d '\000' < "$work/err" | grep -v -c '^EDC-READY$')" -ne 0 ]; then
  echo "the JVM wrote on stderr with the CDS archive:"; cat "$work/err"; exit 1
fi
cd /
rm -r "$work"
