package io.bilan.cli;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.source.PackageSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bilan pack}: a valid package as a reproducible zip with its checksum. */
@Command(name = "pack",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Validates a package, fixtures included, and writes it as <id>-<version>.zip, whose bytes depend"
                + " only on the package content, with <id>-<version>.zip.sha256 in sha256sum format.",
            "Prints the zip's path, then the package digest (sha256:<hex> over the package files, the same for"
                + " the folder and the zip). An invalid package is refused with its problems. Given several"
                + " packages, or a folder of packages, packs each valid one and reports every invalid one."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:packed",
            "1:a package has errors; nothing written for it",
            "2:usage error",
            "3:a package cannot be read or is unsafe, or a zip cannot be written"},
        footerHeading = "%nExample:%n",
        footer = {"  bilan pack examples/packages/teamwork-styles -o dist", "  bilan pack instruments -o dist",
            "  (cd dist && sha256sum -c *.sha256)"})
final class PackCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<package>",
            description = "a package folder or zip, or a folder of package folders (each one is packed)")
    private List<Path> packagePaths;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>", defaultValue = ".",
            description = "the folder to write to, created if needed (default: the current folder)")
    private Path outputDir;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() throws IOException {
        List<Path> packages = new ArrayList<>();
        for (Path path : packagePaths) {
            packages.addAll(expand(path));
        }
        for (Path path : packages) {
            if (Files.isDirectory(path)
                    && outputDir.toAbsolutePath().normalize().startsWith(path.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "the output folder " + outputDir
                        + " is inside the package " + path + ", so the zip would become part of it: choose another with -o");
            }
        }
        int worst = BilanCommand.OK;
        try (BilanRuntime runtime = plugins.runtime().build()) {
            // Every package is tried, so one run reports all that is wrong; the exit code is the worst.
            for (Path path : packages) {
                worst = Math.max(worst, pack(runtime, path));
            }
        }
        spec.commandLine().getOut().flush();
        return worst;
    }

    /** A package itself, or the packages in a folder that holds no manifest but sub-folders with one. */
    private List<Path> expand(Path path) throws IOException {
        if (!Files.isDirectory(path) || Files.exists(path.resolve(PackageSource.MANIFEST))) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> packages = children.filter(child -> Files.isRegularFile(child.resolve(PackageSource.MANIFEST)))
                    .sorted().toList();
            if (packages.isEmpty()) {
                throw new ParameterException(spec.commandLine(), path
                        + " is neither a package (it has no manifest.json) nor a folder of packages");
            }
            return packages;
        }
    }

    private int pack(BilanRuntime runtime, Path packagePath) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidPackage valid;
        try {
            valid = ValidPackage.check(runtime, packagePath, err, "not packed");
        } catch (ValidPackage.Refused refused) {
            return refused.exitCode();
        }
        String name = valid.zipName();
        Path zip = outputDir.resolve(name);
        try {
            String hex = writeZip(valid, zip);
            Files.writeString(outputDir.resolve(name + ".sha256"), hex + "  " + name + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("bilan: cannot write " + zip + ": " + BilanCommand.messageOf(e));
            return BilanCommand.UNREADABLE;
        }
        out.println(zip);
        out.println(valid.digest());
        return BilanCommand.OK;
    }

    /** Writes the zip through a temporary file, so a failure never leaves half a zip; returns its SHA-256. */
    private static String writeZip(ValidPackage valid, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(zip.toAbsolutePath().getParent(), ".bilan-pack-", ".zip");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream file = Files.newOutputStream(partial);
                    DigestOutputStream digesting = new DigestOutputStream(file, sha256)) {
                valid.writeZip(digesting);
            }
            Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
