package io.bilan.cli;

import java.io.FileDescriptor;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bilan}: the command line for instrument authors and researchers. Checks, tests, packs instrument
 * packages and scores response files, outside any server.
 *
 * <p>Exit codes: 0 success, 1 the checked thing failed (invalid package, failed fixture, refused
 * responses), 2 usage error, 3 a package or file cannot be read, is unsafe, or cannot be written.
 */
@Command(name = "bilan",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = "Creates, checks, tests, packs, publishes and scores Bilan instrument packages, and builds "
                + "the statistics and norms of data sets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the package, fixtures or responses checked are not right",
            "2:usage error",
            "3:a package or file cannot be read, is unsafe, or cannot be written, or an engine cannot be reached"})
public final class BilanCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = CommandLine.ExitCode.USAGE;
    static final int UNREADABLE = 3;

    /**
     * The subcommands, in the order {@code bilan --help} lists them. Added by {@link #commandLine(String...)} rather
     * than named in {@code @Command}: picocli builds the model of every subcommand it is given, by reflection, and
     * a run needs only the one it names.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(NewCommand.class, ValidateCommand.class, TestCommand.class,
            PackCommand.class, PublishCommand.class, ScoreCommand.class, NormsCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(args);
        int restart = CompilerRestart.exitCode();
        if (restart >= 0 && CompilerRestart.scriptIn(commandLine, args)) {
            System.exit(restart);
        }
        // Straight to the file descriptors: System.out would hide a closed pipe, so `bilan score | head` would
        // score the whole batch for nothing.
        System.exit(commandLine
                .setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                        StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                        StandardCharsets.UTF_8), true))
                .execute(args));
    }

    /** The command line with all its subcommands and error handling, ready to {@code execute}. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line to execute {@code args}: when they start with the name of a subcommand other than
     * {@code help}, with that subcommand alone, which parses and runs them as the whole command line would (a third
     * of the start of {@code bilan score}, measured in docs/performance.md, was picocli reading the other
     * subcommands); when they are {@code --version} alone, with none, since the version names no subcommand;
     * otherwise (no argument, another option first, a misspelt command, {@code help}) with all of them, so that
     * usage, listings and suggestions are the whole command line's.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(List.of());
        }
        if (args.length > 0 && !args[0].equals("help")) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(subcommand));
                }
            }
        }
        return commandLine(SUBCOMMANDS);
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine bilan = new CommandLine(new BilanCommand());
        subcommands.forEach(bilan::addSubcommand);
        // After the subcommands: picocli applies these to the subcommands already added.
        return bilan
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    if (exception instanceof CompilerRestart.Needed) {
                        return CompilerRestart.exitCode();
                    }
                    if (exception instanceof UncheckedIOException io) {
                        commandLine.getErr().println("bilan: " + messageOf(io.getCause()));
                        return UNREADABLE;
                    }
                    throw exception;
                });
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("bilan: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** A one-line description of an I/O failure, naming the file when the exception does not. */
    static String messageOf(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> missing.getFile() + ": no such file";
            case AccessDeniedException denied -> denied.getFile() + ": permission denied";
            case CharacterCodingException coding -> "the input is not valid UTF-8 text";
            case FileNotFoundException notFound -> notFound.getMessage();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /** The version from the jar's Maven descriptor; unknown when run from classes, e.g. in tests. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = BilanCommand.class.getResourceAsStream(
                    "/META-INF/maven/io.bilan/bilan-cli/pom.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "bilan " + properties.getProperty("version", "(development build)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
