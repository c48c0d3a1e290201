package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Scripts that spend their time inside one built-in call, where no statement is counted: each file under
 * {@code hostile/} must end within twice the time limit, failing its call with a limit or being refused when it
 * is compiled.
 */
class ExpensiveBuiltInsTest {

    private static final Duration TIME_LIMIT = Duration.ofMillis(500);
    private static ScriptSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = new ScriptSandbox(SandboxLimits.defaults().withTimeLimit(TIME_LIMIT));
    }

    @AfterAll
    static void closeSandbox() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileScriptEndsWithinTwiceTheTimeLimit() throws IOException, URISyntaxException {
        Path folder = Path.of(ExpensiveBuiltInsTest.class.getResource("hostile").toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.filter(file -> file.toString().endsWith(".js")).sorted().toList();
        }
        assertTrue(scripts.size() >= 20, "the hostile scripts are found: " + scripts);
        return scripts.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            String source = Files.readString(file);
            // Run apart so that a call escaping every limit fails this test instead of hanging the build.
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            long[] took = new long[2];
            Thread.ofPlatform().daemon().name("hostile-" + name).start(() -> {
                long start = System.nanoTime();
                Object ending;
                try {
                    CompiledScript script = sandbox.compile(name, source);
                    took[0] = System.nanoTime() - start;
                    start = System.nanoTime();
                    ending = script.call("{}");
                } catch (ScriptException | RuntimeException e) {
                    ending = e;
                }
                took[1] = System.nanoTime() - start;
                outcome.complete(ending);
            });
            Object ended;
            try {
                ended = outcome.get(TIME_LIMIT.toMillis() * 20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail(name + " still runs after " + TIME_LIMIT.toMillis() * 20 + " ms");
                return;
            }
            long compiled = TimeUnit.NANOSECONDS.toMillis(took[0]);
            long ran = TimeUnit.NANOSECONDS.toMillis(took[1]);
            System.out.printf("hostile %-28s compiled %5d ms, then %5d ms: %s%n", name, compiled, ran,
                    ended instanceof Throwable t ? t.getMessage() : ended);
            if (!(ended instanceof ScriptException failure)) {
                fail(name + " must fail with a ScriptException, but ended with " + ended);
                return;
            }
            // Refused when compiled: the last step timed is the compilation.
            assertTrue(ran <= 2 * TIME_LIMIT.toMillis(), name + " took " + ran + " ms, more than twice the time limit of "
                    + TIME_LIMIT.toMillis() + " ms: " + failure.getMessage());
        }));
    }
}
