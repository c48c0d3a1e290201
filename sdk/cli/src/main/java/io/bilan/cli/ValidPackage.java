package io.bilan.cli;

import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.report.Problem;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A package that passed validation, fixtures included, as {@code bilan pack} and {@code bilan publish} need it. */
record ValidPackage(PackageSource source, InstrumentManifest manifest, String digest) {

    /** A package that cannot be packed; what is wrong has been printed, and the exit code says how bad it is. */
    static final class Refused extends Exception {
        private final int exitCode;

        Refused(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /**
     * Reads and validates a package folder or zip, printing its warnings, and on refusal its errors, to
     * {@code err}; {@code refusal} ends the line saying it was refused, e.g. "not packed".
     */
    static ValidPackage check(BilanRuntime runtime, Path path, PrintWriter err, String refusal) throws Refused {
        PackageSource source;
        try {
            source = runtime.read(path);
        } catch (PackageReadException e) {
            err.println("bilan: " + e.getMessage());
            throw new Refused(BilanCommand.UNREADABLE);
        }
        ValidationReport report = runtime.validate(source);
        report.problems().stream().filter(problem -> !problem.isError())
                .forEach(problem -> err.println(ValidateCommand.line(problem)));
        if (!report.valid()) {
            report.errors().forEach(problem -> err.println(ValidateCommand.line(problem)));
            err.println("bilan: " + refusal + ": " + source.origin() + " has "
                    + ValidateCommand.count(report.errors().size(), "error"));
            throw new Refused(BilanCommand.FAILED);
        }
        return new ValidPackage(source, report.instrument().orElseThrow().manifest(), report.digest());
    }

    /**
     * Loads a package for scoring, without running its fixtures, as {@code bilan score} and {@code bilan norms}
     * need it; on refusal, what is wrong has been printed to {@code err}.
     */
    static Instrument load(BilanRuntime runtime, Path path, PrintWriter err) throws Refused {
        try {
            return runtime.load(runtime.read(path));
        } catch (PackageReadException e) {
            err.println("bilan: " + e.getMessage());
            throw new Refused(BilanCommand.UNREADABLE);
        } catch (InvalidPackageException e) {
            e.problems().stream().filter(Problem::isError).forEach(problem -> err.println(ValidateCommand.line(problem)));
            err.println("bilan: " + path + " is not a valid package; run bilan validate for details");
            throw new Refused(BilanCommand.FAILED);
        }
    }

    /** {@code id@version}. */
    String coordinates() {
        return manifest.id() + "@" + manifest.version();
    }

    /** {@code <id>-<version>.zip}. */
    String zipName() {
        return manifest.id() + "-" + manifest.version() + ".zip";
    }

    /** The reproducible zip: its bytes depend only on the package's content. */
    void writeZip(OutputStream out) throws IOException {
        PackageWriter.writeZip(source, out);
    }

    byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeZip(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }
}
