package io.bilan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One in-process run of {@code bilan}, with what it printed; and the test files it runs on, copied out of
 * the runtime's test jar ({@code /packages/every-rule}, {@code /batch/*}).
 */
record CommandRun(int exit, String out, String err) {

    private static final List<String> EVERY_RULE_FILES =
            List.of("manifest.json", "fixtures/complete.json", "fixtures/fail-rule.json");

    static CommandRun bilan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BilanCommand.commandLine(args)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** A copy of the package {@code every-rule} in {@code dir}. */
    static Path everyRule(Path dir) {
        Path root = dir.resolve("every-rule");
        EVERY_RULE_FILES.forEach(file -> copy("/packages/every-rule/" + file, root.resolve(file)));
        return root;
    }

    /** A copy of a test file of the runtime, such as {@code /batch/every-rule.csv}. */
    static Path copy(String resource, Path target) {
        try (InputStream in = CommandRun.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
