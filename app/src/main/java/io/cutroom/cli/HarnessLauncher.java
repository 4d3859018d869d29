package io.cutroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Starts {@code cutroom bench ...} and {@code cutroom eval ...}, whose harnesses are not in the product jar.
 * They live in {@code bench/target/cutroom-bench.jar} of a source build, and are loaded with the product and
 * its libraries in a class loader of their own, so one process runs them as before.
 */
final class HarnessLauncher {
    static final Set<String> COMMANDS = Set.of("bench", "eval");
    private static final String ENTRY = "io.cutroom.bench.HarnessCli";
    private static final Path HARNESS_JAR = Path.of("bench", "target", "cutroom-bench.jar");

    private HarnessLauncher() {
    }

    static int run(PrintWriter out, PrintWriter err, String[] args) {
        try {
            return invoke(entryClass(), out, err, args);
        } catch (HarnessMissing e) {
            err.println("cutroom: the benchmarks and evaluations are not part of this installation. They come with a "
                    + "source build: `mvn -B -q -DskipTests package` puts them in bench/target/cutroom-bench.jar.");
            return CutroomCli.EXIT_ERROR;
        }
    }

    /** The harness's entry point: on the class path already (its own tests), else from the source build's jar. */
    private static Class<?> entryClass() throws HarnessMissing {
        try {
            return Class.forName(ENTRY);
        } catch (ClassNotFoundException notOnClassPath) {
            List<URL> jars = harnessClassPath().orElseThrow(HarnessMissing::new);
            // Parent is the platform loader: the product's classes load again beside the harness, so both
            // share packages at run time. Nothing of the product has touched a native library before this.
            URLClassLoader loader = new URLClassLoader("cutroom-harness", jars.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return Class.forName(ENTRY, true, loader);
            } catch (ClassNotFoundException e) {
                throw new HarnessMissing();
            }
        }
    }

    private static int invoke(Class<?> entry, PrintWriter out, PrintWriter err, String[] args) {
        try {
            Method run = entry.getMethod("run", PrintWriter.class, PrintWriter.class, String[].class);
            return (Integer) run.invoke(null, out, err, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The harness jar does not match this build; build both again.", e);
        }
    }

    /**
     * The harness jar, the product's test fixtures, the product and its libraries, found from where the product
     * jar sits in a source build ({@code app/target/cutroom.jar}, its {@code lib/} beside it).
     */
    private static Optional<List<URL>> harnessClassPath() {
        try {
            Path product = Path.of(HarnessLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path appTarget = product.getParent();
            Path root = appTarget.getParent() == null ? null : appTarget.getParent().getParent();
            if (root == null || !Files.isRegularFile(root.resolve(HARNESS_JAR)) || !Files.isRegularFile(product)) {
                return Optional.empty();
            }
            List<URL> urls = new ArrayList<>();
            urls.add(root.resolve(HARNESS_JAR).toUri().toURL());
            urls.add(appTarget.resolve("cutroom-tests.jar").toUri().toURL());
            urls.add(product.toUri().toURL());
            try (Stream<Path> libs = Files.list(appTarget.resolve("lib"))) {
                for (Path lib : libs.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(lib.toUri().toURL());
                }
            }
            return Optional.of(urls);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static final class HarnessMissing extends Exception {
        HarnessMissing() {
            super(null, null, false, false);
        }
    }
}
