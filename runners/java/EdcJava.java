
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java runner of an EDC sandbox: reads the job from stdin, compiles it in this JVM with
 * javax.tools, reports the compilation, then runs {@code main} in this same JVM, so the program's
 * exit code, stdout, stderr and {@code System.exit} are exactly those of a plain {@code java} run.
 *
 * <p>Input: records {@code "<key> <length>\n"} followed by that many bytes, keys {@code source},
 * {@code stdin}, {@code arg} (repeated), ended by {@code end}. Output, before any user code runs:
 * {@code "\0EDC-COMPILE <status> <length>\n"} and the compiler's messages on stdout.
 *
 * <p>While its stdin is empty (a pooled container) it exercises the compiler, so the job's
 * compilation runs on a warm JIT; then it writes {@code "\0EDC-READY <bytes in use>\n"} on stderr. Written for Java 11 so one source serves every JDK.
 */
public final class EdcJava {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp|static)\\s+)*(?:class|interface|enum|record)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");

    private EdcJava() {
    }

    public static void main(String[] ignored) throws Throwable {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        warmUp(compiler);
        signalReady();
        Job job = Job.read(new DataInputStream(System.in));
        Compilation compilation = compile(compiler, job.source);
        compiler = null;
        Method main = compilation.succeeded() ? compilation.mainMethod() : null;
        // No System.gc() here: the compiler's garbage goes with the program's first collection,
        // and a full collection before every run cost 10-50 ms of a hello world's ~100.
        report(compilation);
        if (main == null) {
            System.exit(1);
        }
        System.setIn(new ByteArrayInputStream(job.stdin));
        Thread.currentThread().setContextClassLoader(main.getDeclaringClass().getClassLoader());
        try {
            main.invoke(null, (Object) job.args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            // Rethrown from main: the JVM prints "Exception in thread "main" ..." and exits 1, as java does.
            throw withoutRunnerFrames(e.getCause());
        }
    }

    /** Exercises javac's common paths until the JIT has compiled them: a job then compiles in milliseconds. */
    private static void warmUp(JavaCompiler compiler) throws IOException {
        String source = "import java.util.*; import java.util.function.*;\n"
                + "public class Warm { static final class P { final int x; final String y; P(int x, String y) { this.x = x; this.y = y; } }\n"
                + "  interface Shape { double area(); }\n"
                + "  static <T extends Comparable<T>> T max(List<T> xs) { return Collections.max(xs); }\n"
                + "  public static void main(String[] args) throws Exception {\n"
                + "    Scanner in = new Scanner(System.in); List<Integer> xs = new ArrayList<>();\n"
                + "    Map<String, List<P>> m = new HashMap<>(); Function<Integer, String> f = i -> \"n\" + i;\n"
                + "    for (int i = 0; i < args.length; i++) { xs.add(i * 2); m.computeIfAbsent(f.apply(i), k -> new ArrayList<>()).add(new P(i, args[i])); }\n"
                + "    Shape s = () -> Math.PI; StringBuilder sb = new StringBuilder(); sb.append(max(xs)).append(s.area());\n"
                + "    try { System.out.printf(\"%s %d%n\", sb, xs.stream().mapToInt(Integer::intValue).sum()); } catch (RuntimeException e) { throw new IllegalStateException(e); }\n"
                + "  } }";
        // Only while no job is waiting: a container made for a job starts with its payload already
        // in stdin; a pooled one waits for minutes, and a job that arrives cuts the warm-up short.
        for (int i = 0; i < 8 && System.in.available() == 0; i++) {
            compile(compiler, source.replace("Warm", "Warm" + i));
        }
    }

    /**
     * Tells the worker, before any user code can write, that this runner now waits for its job,
     * and how much memory the container uses now: what an idle warm container costs.
     */
    private static void signalReady() throws IOException {
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        err.write(("\0EDC-READY " + memoryInUse() + "\n").getBytes(StandardCharsets.US_ASCII));
        err.flush();
    }

    /** The container's memory use as its cgroup counts it (v2, else v1), or -1. */
    private static String memoryInUse() {
        for (String file : new String[] {"/sys/fs/cgroup/memory.current", "/sys/fs/cgroup/memory/memory.usage_in_bytes"}) {
            try {
                return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                // the other cgroup version
            }
        }
        return "-1";
    }

    private static void report(Compilation compilation) throws IOException {
        byte[] messages = compilation.messagesWithProblem().getBytes(StandardCharsets.UTF_8);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        String header = "\0EDC-COMPILE " + (compilation.succeeded() ? 0 : 1) + " " + messages.length + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(messages);
        out.flush();
    }

    private static Compilation compile(JavaCompiler compiler, String source) throws IOException {
        StringWriter messages = new StringWriter();
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>(); // in source order
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavaFileManager files = new MemoryFileManager(standard, classes);
        Source unit = new Source(displayName(source), source);
        JavaCompiler.CompilationTask task = compiler.getTask(messages, files, null,
                List.of("-proc:none", "-Xlint:none"), null, List.of(unit));
        boolean ok = task.call();
        return new Compilation(ok, messages.toString(), new MemoryClassLoader(classes), new ArrayList<>(classes.keySet()));
    }

    /** The name javac shows in its messages: the public type's file, as a developer would have named it. */
    private static String displayName(String source) {
        Matcher m = PUBLIC_TYPE.matcher(source);
        return (m.find() ? m.group(1) : "Main") + ".java";
    }

    /** Takes the runner's frames off the bottom of the trace and of its causes' and suppressed traces. */
    private static Throwable withoutRunnerFrames(Throwable t) {
        return withoutRunnerFrames(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable withoutRunnerFrames(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return t;
        }
        StackTraceElement[] frames = t.getStackTrace();
        int end = frames.length;
        while (end > 0 && isRunnerFrame(frames[end - 1])) {
            end--;
        }
        if (end > 0) {
            t.setStackTrace(Arrays.copyOf(frames, end));
        }
        withoutRunnerFrames(t.getCause(), seen);
        for (Throwable suppressed : t.getSuppressed()) {
            withoutRunnerFrames(suppressed, seen);
        }
        return t;
    }

    private static boolean isRunnerFrame(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.equals(EdcJava.class.getName()) || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("sun.reflect.")
                || c.startsWith("java.lang.invoke."); // JDK 18+ reflection runs through method handles
    }

    private static final class Compilation {
        private final boolean ok;
        private final String messages;
        private final ClassLoader loader;
        private final List<String> classNames;
        private String problem;

        Compilation(boolean ok, String messages, ClassLoader loader, List<String> classNames) {
            this.ok = ok;
            this.messages = messages;
            this.loader = loader;
            this.classNames = classNames;
            if (ok && findMain() == null) {
                this.problem = "error: no class declares public static void main(String[] args)\n";
            }
        }

        boolean succeeded() {
            return ok && problem == null;
        }

        Method mainMethod() {
            return findMain();
        }

        private Method findMain() {
            Method firstFound = null;
            for (String type : classNames) {
                if (type.indexOf('$') >= 0) {
                    continue; // nested: not a launchable type
                }
                try {
                    Method main = Class.forName(type, false, loader).getMethod("main", String[].class);
                    if (Modifier.isStatic(main.getModifiers())) {
                        main.setAccessible(true); // a public main in a package-private class
                        if (Modifier.isPublic(main.getDeclaringClass().getModifiers())) {
                            return main;
                        }
                        firstFound = firstFound == null ? main : firstFound;
                    }
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                    // not a runnable type: try the next one
                }
            }
            return firstFound;
        }

        String messagesWithProblem() {
            return problem == null ? messages : messages + problem;
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String fileName, String code) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }

        /** Any public class name is accepted, as in java's source-file mode. */
        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return true;
        }

        @Override
        public String getName() {
            return toUri().getPath().substring(1);
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryClassLoader(Map<String, ByteArrayOutputStream> classes) {
            super(ClassLoader.getSystemClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }

    private static final class Job {
        private String source = "";
        private byte[] stdin = new byte[0];
        private final List<String> args = new ArrayList<>();

        static Job read(DataInputStream in) throws IOException {
            Job job = new Job();
            while (true) {
                String[] header = readLine(in).split(" ");
                if (header.length != 2) {
                    throw new IOException("bad record header");
                }
                byte[] value = new byte[Integer.parseInt(header[1])];
                in.readFully(value);
                switch (header[0]) {
                    case "source": job.source = new String(value, StandardCharsets.UTF_8); break;
                    case "stdin": job.stdin = value; break;
                    case "arg": job.args.add(new String(value, StandardCharsets.UTF_8)); break;
                    case "end": return job;
                    default: throw new IOException("unknown record " + header[0]);
                }
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0 || line.length() > 64) {
                    throw new IOException("truncated job");
                }
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
