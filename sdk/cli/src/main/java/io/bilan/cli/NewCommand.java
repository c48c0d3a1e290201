package io.bilan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bilan new}: a small, valid, tested package of one kind, to edit into the author's own. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Creates the folder <id> holding a small example instrument of the kind asked for: manifest.json"
                + " with texts in French and English, a fixture with its hand-computed report, a README for"
                + " counsellors, scoring.js with --script, and a JUnit test with the Bilan test kit and a"
                + " pom.xml, so that `mvn verify` in the folder runs every fixture.",
            "The package is valid and its fixture passes as created: edit it, keeping `bilan test` green."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:created",
            "2:usage error: an id that is not lower-case words joined by hyphens, or a folder that exists",
            "3:the folder cannot be written; nothing is left behind"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bilan new learning-at-work --kind questionnaire",
            "  bilan new oral-presentation --kind observation-grid --script --dir instruments"})
final class NewCommand implements Callable<Integer> {

    /** The format's id rule ({@code /id} in the package schema). */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 64;

    @Parameters(paramLabel = "<id>", description = "the package id: lower-case words joined by hyphens, e.g. learning-at-work")
    private String id;

    @Option(names = "--kind", required = true, paramLabel = "<kind>", converter = KindConverter.class,
            description = "questionnaire, test or observation-grid")
    private PackageTemplate.Kind kind;

    @Option(names = "--dir", paramLabel = "<folder>", defaultValue = ".",
            description = "where to create the package folder (default: the current folder)")
    private Path dir;

    @Option(names = "--script", description = "add a scoring script (scoring.js) and what it adds to the fixture")
    private boolean script;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new ParameterException(spec.commandLine(), "the id \"" + id + "\" must be lower-case words joined"
                    + " by hyphens, at most " + MAX_ID_LENGTH + " characters, such as learning-at-work");
        }
        Path target = dir.resolve(id);
        if (Files.exists(target)) {
            throw new ParameterException(spec.commandLine(), target + " already exists: nothing was written;"
                    + " choose another id, or another folder with --dir");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> files = new PackageTemplate(kind, id, script, cliVersion()).files();
        try {
            write(files, target);
        } catch (FileAlreadyExistsException e) {
            err.println("bilan: " + target + " already exists: nothing was written");
            return BilanCommand.USAGE;
        } catch (IOException e) {
            err.println("bilan: cannot create " + target + ": " + BilanCommand.messageOf(e));
            return BilanCommand.UNREADABLE;
        }
        out.println(target);
        files.keySet().forEach(file -> out.println("  " + file));
        out.println("next: edit " + target.resolve("manifest.json") + ", then run `bilan test " + target + "`");
        out.flush();
        return BilanCommand.OK;
    }

    /**
     * Writes the files into a hidden folder beside the target, then renames it: a failure never leaves half a
     * package, and a folder created meanwhile under the same name is not overwritten.
     */
    private static void write(Map<String, String> files, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, ".bilan-new-");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = partial.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } finally {
            deleteIfPresent(partial);
        }
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The CLI's version, which the new package's pom asks of the test kit. */
    static String cliVersion() {
        return PackageTemplate.resourceProperty("/bilan-cli.properties", "version");
    }

    /** {@code observation-grid} and the other kinds as the format spells them. */
    static final class KindConverter implements ITypeConverter<PackageTemplate.Kind> {
        @Override
        public PackageTemplate.Kind convert(String value) {
            return PackageTemplate.Kind.of(value);
        }
    }
}
