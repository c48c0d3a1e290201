package io.bilan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.runtime.source.PackageSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Lets {@code bin/bilan} start the JVM without the optimizing JavaScript compiler, which makes every start slower
 * (it turns class-data sharing off), and start it again with the compiler only when a package has a script.
 *
 * <p>The launcher sets the system property {@value #PROPERTY} to an exit code. Before running the command, the
 * packages its arguments name are looked at (their manifests only); if one has a script, the process exits at once
 * with that code, before writing anything, and the launcher runs the same command again with the compiler. A
 * script met in any other way (it cannot be, today) stops the command with the same code when the JavaScript engine
 * would start ({@link #hook()}).
 */
final class CompilerRestart {

    /** The system property holding the exit code that asks for a start with the compiler. */
    static final String PROPERTY = "bilan.compiler-restart";

    /** Thrown when the JavaScript engine would start in a process started without the compiler. */
    static final class Needed extends RuntimeException {
        Needed() {
            super("a package has a script: start again with the JavaScript compiler", null, false, false);
        }
    }

    private CompilerRestart() {
    }

    /** The exit code asking for a restart, or -1 when the process was started with the compiler. */
    static int exitCode() {
        String code = System.getProperty(PROPERTY);
        if (code == null) {
            return -1;
        }
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** What a runtime runs before its JavaScript engine starts: refuses in a process without the compiler. */
    static Runnable hook() {
        return exitCode() < 0 ? () -> { } : () -> {
            throw new Needed();
        };
    }

    /**
     * Whether a package named by {@code args}, as {@code commandLine} parses them, has a script. Arguments that do not parse, and files that cannot be
     * read, count as no script: the command itself reports them.
     */
    static boolean scriptIn(CommandLine commandLine, String[] args) {
        if (!namesAFile(args)) {
            return false;
        }
        ParseResult parsed;
        try {
            // Parsing again to execute resets every option first, so the command line can be the one that runs.
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return false;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        ObjectMapper json = new ObjectMapper();
        for (PositionalParamSpec positional : parsed.matchedPositionals()) {
            Object value = positional.getValue();
            List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
            for (Object each : values) {
                if (each instanceof Path path && hasScript(path, json)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether an argument could be a package: one names a file or folder that exists, or an {@code @file} of
     * arguments. Most command lines that name none ({@code --version}, {@code new}) are then answered without
     * parsing them a second time or starting Jackson.
     */
    private static boolean namesAFile(String[] args) {
        for (String arg : args) {
            try {
                if (arg.startsWith("@") || Files.exists(Path.of(arg))) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // Not a path: picocli reports it if a path was expected there.
            }
        }
        return false;
    }

    /** A package folder or zip with a script, or a folder of package folders one of which has one. */
    private static boolean hasScript(Path path, ObjectMapper json) {
        try {
            if (Files.isDirectory(path)) {
                Path manifest = path.resolve(PackageSource.MANIFEST);
                if (Files.isRegularFile(manifest)) {
                    try (InputStream in = Files.newInputStream(manifest)) {
                        return scripted(json.readTree(in));
                    }
                }
                try (Stream<Path> children = Files.list(path)) {
                    return children.anyMatch(child -> Files.isRegularFile(child.resolve(PackageSource.MANIFEST))
                            && hasScript(child, json));
                }
            }
            if (Files.isRegularFile(path) && isZip(path)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    ZipEntry manifest = zip.getEntry(PackageSource.MANIFEST);
                    if (manifest != null) {
                        try (InputStream in = zip.getInputStream(manifest)) {
                            return scripted(json.readTree(in));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static boolean scripted(JsonNode manifest) {
        // Conservative: a scoring method that names no Java scorer is taken for a script.
        JsonNode scoring = manifest == null ? null : manifest.get("scoring");
        return scoring != null && scoring.isObject() && (scoring.hasNonNull("script") || !scoring.hasNonNull("scorer"));
    }
}
