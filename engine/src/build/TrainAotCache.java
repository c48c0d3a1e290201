import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trains the engine's ahead-of-time cache (JEP 483/515: classes loaded and linked, method profiles): starts the
 * built engine through {@code bin/bilan-engine}, exactly as users start it, on an empty data folder with the shipped
 * packages (a first start, which publishes and loads them all), asks it a few things once it is ready, stops it, and
 * the JVM writes the cache as it exits. {@code bin/bilan-engine} then starts with it.
 *
 * <p>That first start ran the fixtures of every package it published, under the runtime's identity: the packages
 * it stored as passed are then listed, {@code sha256:<digest> <runtime identity>} per line, in the file the launcher
 * gives the engine as {@code bilan.catalog.fixtures-passed}, so that a user's first start does not run them again.
 *
 * <p>Run by the build in source-file mode after {@code RuntimeImage.java}:
 * {@code java TrainAotCache.java <repository root> <cache file> <work folder> <list of passed fixtures>}. The cache
 * and the list are written only when the engine became ready and stopped cleanly; anything else fails the build,
 * with the engine's log.
 */
public final class TrainAotCache {

    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final Duration STOPPED_WITHIN = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toRealPath();
        Path cache = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        Path passedFixtures = Path.of(args[3]).toAbsolutePath();
        Folders.deleteRecursively(work);
        Files.createDirectories(work);
        // The launcher starts with the cache and the list when there are: training starts from neither, and runs
        // every fixture.
        Files.deleteIfExists(cache);
        Files.deleteIfExists(passedFixtures);
        Path log = work.resolve("engine.log");
        int port = freePort();
        // In the work folder, with none of the builder's own settings: Quarkus reads a .env file and a config folder
        // in its working folder, and a QUARKUS_DATASOURCE_... in the environment would point the training run at
        // that database.
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", root.resolve("bin/bilan-engine").toString()))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("BILAN_"));
        builder.environment().put("BILAN_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("BILAN_JAVA_OPTS", "-XX:AOTCacheOutput=" + cache);
        Process engine = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(engine, base, log);
            // What every client asks first: the health, the catalogue's list, the home page, the OpenAPI document.
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/q/health/ready", "/q/health/live", "/api/v1/instruments", "/", "/q/openapi")) {
                http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            // SIGTERM: Quarkus stops, and the JVM writes the cache on its way out.
            engine.destroy();
        }
        if (!engine.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            engine.destroyForcibly();
            fail("the engine did not stop within " + STOPPED_WITHIN.toMinutes() + " minutes", log);
        }
        if (!Files.isRegularFile(cache)) {
            fail("the engine stopped (status " + engine.exitValue() + ") without writing " + cache, log);
        }
        System.out.println("Trained " + cache + " (" + Files.size(cache) / (1024 * 1024) + " MiB)");
        int listed = listPassedFixtures(work.resolve("data"), root.resolve("engine/target/quarkus-app/lib/main"),
                passedFixtures);
        System.out.println("Listed " + listed + " packages whose fixtures passed in " + passedFixtures);
        Folders.deleteRecursively(work);
    }

    /**
     * Writes the packages the training run stored as having passed their fixtures, read from its embedded database
     * (stopped by now) with the engine's own H2 driver, and returns how many.
     */
    private static int listPassedFixtures(Path data, Path libraries, Path list) throws Exception {
        Path h2;
        try (Stream<Path> jars = Files.list(libraries)) {
            h2 = jars.filter(jar -> jar.getFileName().toString().startsWith("com.h2database.h2-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 driver in " + libraries));
        }
        StringBuilder lines = new StringBuilder("# Packages whose fixtures passed in the build's first start of the "
                + "engine: digest, then the identity of the runtime they passed under (bilan.catalog.fixtures-passed).\n");
        int listed = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {h2.toUri().toURL()})) {
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            // The embedded default of engine/src/main/resources/application.properties (quarkus.datasource.*): the
            // training run starts without any setting of the builder's, so it is the one it used.
            Properties user = new Properties();
            user.setProperty("user", "bilan");
            user.setProperty("password", "");
            try (Connection database = driver.connect("jdbc:h2:file:" + data.resolve("bilan")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r", user);
                    Statement query = database.createStatement();
                    ResultSet rows = query.executeQuery("SELECT digest, fixtures_passed_under FROM instrument_package"
                            + " WHERE fixtures_passed_under IS NOT NULL ORDER BY digest")) {
                while (rows.next()) {
                    lines.append(rows.getString(1)).append(' ').append(rows.getString(2)).append('\n');
                    listed++;
                }
            }
        }
        Files.writeString(list, lines);
        return listed;
    }

    private static void awaitReady(Process engine, String base, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!engine.isAlive()) {
                fail("the engine stopped with status " + engine.exitValue() + " before it was ready", log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        fail("the engine was not ready within " + READY_WITHIN.toMinutes() + " minutes", log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void fail(String problem, Path log) throws IOException {
        throw new IllegalStateException("Training the ahead-of-time cache failed: " + problem + ". The engine's log:\n"
                + Files.readString(log));
    }
}
