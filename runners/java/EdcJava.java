
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
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
 * The Java warm runner of an EDC sandbox (runners/PROTOCOL.md, "Warm runners"): compiles the
 * program's {@code .java} files (the init wrote them into the working directory) in this JVM with
 * javax.tools, reports the compilation, then runs {@code main} in this same JVM, so the program's
 * exit code, stdout, stderr, stdin and {@code System.exit} are exactly those of a plain {@code java}
 * run.
 *
 * <p>Input on stdin: records {@code "<key> <length>\n"} followed by that many bytes, keys
 * {@code main} (the entry file), {@code arg} (repeated), ended by {@code end}; what follows is the
 * program's stdin, read through the same stream. Output, before any user code runs:
 * {@code "\0EDC-COMPILE <status> <length>\n"} and the compiler's messages on stdout.
 *
 * <p>While its stdin is empty (a pooled container) it exercises the compiler, so the job's
 * compilation runs on a warm JIT; then it writes {@code "\0EDC-READY\n"} on stderr. The
 * program's classes are loaded child-first: a class it names (even {@code EdcJava}) is its own.
 * Written for Java 11 so one source serves every JDK.
 */
public final class EdcJava {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp|static)\\s+)*(?:class|interface|enum|record)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");
    /** Compiler messages kept; the init caps them again at the request's own bound. */
    private static final int MAX_MESSAGES = 1 << 20;

    private EdcJava() {
    }

    public static void main(String[] options) throws Throwable {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (options.length == 2 && options[0].equals("--compile")) {
            System.exit(compileTo(compiler, Paths.get(options[1])) ? 0 : 1);
        }
        warmUp(compiler);
        signalReady();
        Job job = Job.read(new DataInputStream(System.in));
        Compilation compilation = compile(compiler, sources(job.main));
        compiler = null;
        Method main = compilation.succeeded() ? compilation.mainMethod() : null;
        // No System.gc() here: the compiler's garbage goes with the program's first collection,
        // and a full collection before every run cost 10-50 ms of a hello world's ~100.
        report(compilation);
        if (main == null) {
            System.exit(1);
        }
        // System.in goes on with the program's stdin, right after the job.
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
        // Only while no job is waiting: a container made for a job gets it at once; a pooled one
        // waits for minutes, and a job that arrives cuts the warm-up short.
        for (int i = 0; i < 8 && System.in.available() == 0; i++) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("Warm" + i + ".java", source.replace("Warm", "Warm" + i));
            compile(compiler, files);
        }
    }

    /** Tells the init, before any user code can write, that this runner now waits for its job. */
    private static void signalReady() throws IOException {
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        err.write("\0EDC-READY\n".getBytes(StandardCharsets.US_ASCII));
        err.flush();
    }

    /**
     * Compiles the program in the working directory into class files under {@code target}, with
     * its main class's name in {@code target/main-class}: a program compiled once, to run as
     * often as it has test cases. The compiler's messages go to stdout.
     */
    private static boolean compileTo(JavaCompiler compiler, Path target) throws IOException {
        String main = System.getenv("EDC_MAIN");
        Compilation compilation = compile(compiler, sources(main == null ? "Main.java" : main));
        System.out.print(compilation.messagesWithProblem());
        System.out.flush();
        Method entry = compilation.succeeded() ? compilation.mainMethod() : null;
        if (entry == null) {
            return false;
        }
        for (Map.Entry<String, byte[]> type : compilation.classFiles().entrySet()) {
            Path file = target.resolve(type.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, type.getValue());
        }
        Files.write(target.resolve("main-class"), entry.getDeclaringClass().getName().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** The program's sources, the entry file first: every {@code .java} file under the working directory. */
    private static Map<String, String> sources(String main) throws IOException {
        Path root = Paths.get("").toAbsolutePath();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(main, Files.readString(root.resolve(main)));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted()::iterator) {
                files.putIfAbsent(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static void report(Compilation compilation) throws IOException {
        byte[] messages = compilation.messagesWithProblem().getBytes(StandardCharsets.UTF_8);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        String header = "\0EDC-COMPILE " + (compilation.succeeded() ? 0 : 1) + " " + messages.length + "\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(messages);
        out.flush();
    }

    private static Compilation compile(JavaCompiler compiler, Map<String, String> files) throws IOException {
        BoundedWriter messages = new BoundedWriter(MAX_MESSAGES);
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>(); // in source order
        StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavaFileManager manager = new MemoryFileManager(standard, classes);
        List<Source> units = new ArrayList<>();
        files.forEach((name, code) -> units.add(new Source(files.size() == 1 ? displayName(code) : name, code)));
        JavaCompiler.CompilationTask task = compiler.getTask(messages, manager, null,
                List.of("-proc:none", "-Xlint:none"), null, units);
        boolean ok = task.call();
        return new Compilation(ok, messages.toString(), new MemoryClassLoader(classes), classes);
    }

    /** A lone file's name in javac's messages: its public type's, as a developer would have named it. */
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
        private final Map<String, ByteArrayOutputStream> classes;
        private final List<String> classNames;
        private String problem;

        Compilation(boolean ok, String messages, ClassLoader loader, Map<String, ByteArrayOutputStream> classes) {
            this.ok = ok;
            this.messages = messages;
            this.loader = loader;
            this.classes = classes;
            this.classNames = new ArrayList<>(classes.keySet());
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

        Map<String, byte[]> classFiles() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            classes.forEach((name, bytes) -> files.put(name, bytes.toByteArray()));
            return files;
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

    /** Loads the program's own classes first: a name the program declares is always the program's class. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryClassLoader(Map<String, ByteArrayOutputStream> classes) {
            super(ClassLoader.getSystemClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && classes.containsKey(name)) {
                    byte[] b = classes.get(name).toByteArray();
                    loaded = defineClass(name, b, 0, b.length);
                }
                if (loaded == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    /** Keeps the first characters written, drops the rest: a flood of messages costs no heap. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;

        BoundedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, Math.min(length, Math.max(0, max - text.length())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The job's records; what follows them on stdin is the program's. */
    private static final class Job {
        private String main = "Main.java";
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
                    case "main": job.main = new String(value, StandardCharsets.UTF_8); break;
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
