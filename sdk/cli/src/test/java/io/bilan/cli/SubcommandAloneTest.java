package io.bilan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that starts with a subcommand's name is run by a model holding that subcommand alone, and one that
 * asks for the version alone by a model without subcommands; each must say and return exactly what the whole command
 * line does.
 */
class SubcommandAloneTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("score"), List.copyOf(BilanCommand.commandLine("score", "--help").getSubcommands().keySet()));
        assertEquals(List.of("validate"), List.copyOf(BilanCommand.commandLine("validate").getSubcommands().keySet()));
    }

    @Test
    void theVersionAloneNeedsNoSubcommand() {
        assertEquals(List.of(), List.copyOf(BilanCommand.commandLine("--version").getSubcommands().keySet()));
        assertEquals(List.of(), List.copyOf(BilanCommand.commandLine("-V").getSubcommands().keySet()));
    }

    @Test
    void helpOptionsFirstAndUnknownCommandsGetThemAll() {
        List<String> all = List.of("new", "validate", "test", "pack", "publish", "score", "norms", "help");
        assertEquals(all, List.copyOf(BilanCommand.commandLine().getSubcommands().keySet()));
        assertEquals(all, List.copyOf(BilanCommand.commandLine("help", "score").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(BilanCommand.commandLine("--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(BilanCommand.commandLine("scroe").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(BilanCommand.commandLine("--version", "score").getSubcommands().keySet()));
    }

    @Test
    void helpVersionAndUsageErrorsAreTheWholeCommandLines() {
        for (String[] args : List.of(
                new String[] {"score", "--help"},
                new String[] {"score"},
                new String[] {"score", "--no-such-option", "a", "b"},
                new String[] {"validate", "--help"},
                new String[] {"norms", "--help"},
                new String[] {"new", "--kind", "nonsense", "x"},
                new String[] {"pack"},
                new String[] {"publish", "--help"},
                new String[] {"test", "--help"},
                new String[] {"--version"},
                new String[] {"-V"})) {
            assertEquals(run(BilanCommand.commandLine(), args), run(BilanCommand.commandLine(args), args),
                    String.join(" ", args));
        }
    }

    /** Exit code, standard output and standard error of one run. */
    private static List<String> run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return List.of(String.valueOf(exit), out.toString(), err.toString());
    }
}
