package io.bilan.runtime;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.ScoringMethod;
import io.bilan.api.report.Problem;
import io.bilan.api.report.Severity;
import io.bilan.api.spi.BilanPlugin;
import io.bilan.api.spi.Scorer;
import io.bilan.runtime.fixture.FixtureResult;
import io.bilan.runtime.fixture.FixtureRunner;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.response.ResponseValidator;
import io.bilan.runtime.script.SandboxLimits;
import io.bilan.runtime.script.ScriptException;
import io.bilan.runtime.script.ScriptFile;
import io.bilan.runtime.script.ScriptSandbox;
import io.bilan.runtime.scoring.JavaScorerExtension;
import io.bilan.runtime.scoring.ScoringExtension;
import io.bilan.runtime.scoring.ScoringPlan;
import io.bilan.runtime.scoring.ScriptExtension;
import io.bilan.runtime.source.PackageLimits;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.validation.PackageValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

/**
 * The SDK runtime: reads, validates, loads and tests instrument packages, outside any server. The
 * engine, the command line and the test kit all use it. Thread-safe; holds the one JavaScript engine,
 * so create one per process and close it at the end. The JavaScript engine is started when the first package with a
 * script is loaded, not before: a process that only meets declarative packages never pays its start-up.
 *
 * <pre>{@code
 * try (BilanRuntime runtime = BilanRuntime.builder().build()) {
 *     Instrument riasec = runtime.load(runtime.read(Path.of("instruments/riasec-interests")));
 *     ScoreReport report = riasec.score(responses, ScoreOptions.in("fr"));
 * }
 * }</pre>
 */
public final class BilanRuntime implements AutoCloseable {

    private final ObjectMapper json;
    private final PackageReader reader;
    private final PackageValidator validator;
    private final SandboxLimits sandboxLimits;
    private final Runnable beforeSandbox;
    private ScriptSandbox sandbox;
    private boolean closed;
    private final Map<String, Scorer> scorers;
    private final List<String> pluginFailures;
    private final FixtureRunner fixtures;
    private final String identity;

    private BilanRuntime(Builder builder) {
        this.json = newObjectMapper();
        this.reader = new PackageReader(builder.packageLimits);
        this.validator = new PackageValidator(json, builder.requiredLanguages);
        this.sandboxLimits = builder.sandboxLimits;
        this.beforeSandbox = builder.beforeSandbox;
        this.scorers = scorersOf(builder.plugins != null ? builder.plugins
                : ServiceLoader.load(BilanPlugin.class).stream().map(ServiceLoader.Provider::get).toList());
        this.pluginFailures = builder.pluginFailures;
        this.fixtures = new FixtureRunner(json);
        this.identity = identityOf(sandboxLimits);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON mapper the runtime uses: rejects duplicate keys and bounds nesting depth, string and number
     * lengths, so hostile documents fail fast.
     */
    public static ObjectMapper newObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(5_000_000)
                .maxNumberLength(100)
                .build());
        return mapper;
    }

    /** The JSON mapper shared by the runtime. */
    public ObjectMapper json() {
        return json;
    }

    /** Reads a package folder or zip. */
    public PackageSource read(Path path) throws PackageReadException {
        return reader.read(path);
    }

    /** Reads a zipped package from memory. */
    public PackageSource readZip(byte[] zip, String origin) throws PackageReadException {
        return reader.readZip(zip, origin);
    }

    /**
     * Validates a package completely: structure, semantics, script, and, when there is no error so far,
     * its fixtures. Never throws for a bad package: everything found is in the report.
     */
    public ValidationReport validate(PackageSource source) {
        return validate(source, false);
    }

    /** As {@link #validate(PackageSource)}; with {@code fixturesPassedHere}, runs the fixtures only if a plugin scores. */
    private ValidationReport validate(PackageSource source, boolean fixturesPassedHere) {
        String digest = source.digest();
        PackageValidator.Result checked = validator.validate(source);
        List<Problem> problems = new ArrayList<>(checked.problems());
        if (checked.manifest().isEmpty()) {
            return new ValidationReport(source.origin(), digest, problems, List.of(), Optional.empty());
        }
        InstrumentManifest manifest = checked.manifest().get();
        ScoringExtension extension = extensionOf(manifest, source, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            return new ValidationReport(source.origin(), digest, problems, List.of(), Optional.empty());
        }
        Instrument instrument = new Instrument(manifest, source, digest, new ResponseValidator(manifest),
                ScoringPlan.compile(manifest, digest, extension), json);
        if (fixturesPassedHere && !(extension instanceof JavaScorerExtension)) {
            if (extension instanceof ScriptExtension script) {
                // The fixtures' calls made the script's code run before its first call: without them, that call
                // runs cold.
                script.giveFirstCallTheLoadTimeLimit();
            }
            return new ValidationReport(source.origin(), digest, problems, List.of(), Optional.of(instrument));
        }
        if (source.fixturePaths().isEmpty()) {
            problems.add(new Problem(Severity.WARNING, ValidationCode.NO_FIXTURES.code(), "fixtures/", null,
                    "the package has no fixtures: add fixtures/*.json with responses and the expected report"));
        }
        List<FixtureResult> results = fixtures.run(instrument.source(), instrument::score);
        for (FixtureResult result : results) {
            for (FixtureResult.Mismatch mismatch : result.mismatches()) {
                problems.add(new Problem(Severity.ERROR, ValidationCode.FIXTURE_FAILED.code(), result.file(), mismatch.pointer(),
                        "fixture \"" + result.name() + "\": " + mismatch.message()));
            }
        }
        boolean valid = problems.stream().noneMatch(Problem::isError);
        return new ValidationReport(source.origin(), digest, problems, results,
                valid ? Optional.of(instrument) : Optional.empty());
    }

    /** Validates a package and returns the instrument, or throws with every problem. */
    public Instrument load(PackageSource source) throws InvalidPackageException {
        ValidationReport report = validate(source);
        return report.instrument().orElseThrow(() -> new InvalidPackageException(source.origin(), report.problems()));
    }

    /**
     * Loads a package as {@link #load(PackageSource)} does, except that its fixtures are not run again when they
     * passed under this very runtime ({@code fixturesPassedUnder} equals {@link #identity()}): they would pass
     * again. Everything else is checked as at publication (structure, schemas, semantics, the script compiled), and
     * a package scored by a plugin's Java scorer runs its fixtures all the same, since a plugin is no part of the
     * runtime's identity. For packages stored with the identity they passed under, e.g. in the engine's catalogue.
     *
     * @param fixturesPassedUnder the {@link #identity()} of the runtime that last passed the package's fixtures, or
     *                            {@code null} when unknown
     */
    public Instrument load(PackageSource source, String fixturesPassedUnder) throws InvalidPackageException {
        ValidationReport report = validate(source, identity.equals(fixturesPassedUnder));
        return report.instrument().orElseThrow(() -> new InvalidPackageException(source.origin(), report.problems()));
    }

    /**
     * What decides whether a package's fixtures pass in this runtime, as a SHA-256 in hex: this build of the runtime
     * (its version and the moment it was built, so a rebuilt snapshot is another build), the GraalJS and the JDK it
     * runs on, and the sandbox limits a fixture's script is held to. Fixtures that passed under one identity pass
     * again under the same one; a runtime built without its build stamp (not by Maven) has an identity of its own.
     */
    public String identity() {
        return identity;
    }

    private static String identityOf(SandboxLimits limits) {
        Properties build = new Properties();
        try (InputStream stamp = BilanRuntime.class.getResourceAsStream("build.properties")) {
            if (stamp != null) {
                build.load(stamp);
            }
        } catch (IOException e) {
            build.clear();
        }
        String built = build.getProperty("built", "");
        if (built.isEmpty() || built.contains("${")) {
            // Not built by Maven: nothing tells one build from the next, so fixtures are never taken as passed.
            built = "unstamped " + UUID.randomUUID();
        }
        String description = String.join("\n",
                "bilan-sdk-runtime " + build.getProperty("version", "") + " built " + built,
                "graalvm " + build.getProperty("graalvm", "") + " polyglot " + ScriptSandbox.graalVersion(),
                "java " + Runtime.version() + " " + System.getProperty("java.vendor", ""),
                "statements " + limits.statementLimit() + " allocated " + limits.maxAllocatedBytes()
                        + " string " + limits.maxStringLength() + " array " + limits.maxArrayLength()
                        + " result " + limits.maxResultChars());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(description.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Runs the fixtures of a loaded instrument again. */
    public List<FixtureResult> runFixtures(Instrument instrument) {
        return fixtures.run(instrument.source(), instrument::score);
    }

    /** The names of the Java scorers found in plugins. */
    public Set<String> scorerNames() {
        return scorers.keySet();
    }

    private ScoringExtension extensionOf(InstrumentManifest manifest, PackageSource source, List<Problem> problems) {
        ScoringMethod method = manifest.scoring();
        if (method == null) {
            return null;
        }
        if (method.scorer() != null) {
            Scorer scorer = scorers.get(method.scorer());
            if (scorer == null) {
                problems.add(new Problem(Severity.ERROR, ValidationCode.UNKNOWN_SCORER.code(), PackageSource.MANIFEST, "/scoring/scorer",
                        "no Java scorer named \"" + method.scorer() + "\" is installed; installed: " + scorers.keySet()
                                + (pluginFailures.isEmpty() ? "" : "; plugins that failed to load: "
                                        + String.join("; ", pluginFailures))));
                return null;
            }
            return new JavaScorerExtension(scorer, json, manifest.languages());
        }
        Optional<String> script = source.text(method.script());
        if (script.isEmpty()) {
            problems.add(new Problem(Severity.ERROR, ValidationCode.MISSING_SCRIPT.code(), PackageSource.MANIFEST, "/scoring/script",
                    "the package has no file " + method.script()));
            return null;
        }
        List<ScriptFile> includes = new ArrayList<>();
        for (int i = 0; i < method.include().size(); i++) {
            String path = method.include().get(i);
            Optional<String> text = source.text(path);
            if (text.isEmpty()) {
                problems.add(new Problem(Severity.ERROR, ValidationCode.MISSING_SCRIPT.code(), PackageSource.MANIFEST, "/scoring/include/" + i,
                        "the package has no file " + path + " to include; a package folder takes it from its parent "
                                + "folder, and a zip must hold it"));
            } else {
                includes.add(new ScriptFile(path, text.get()));
            }
        }
        if (includes.size() < method.include().size()) {
            return null;
        }
        try {
            return ScriptExtension.compile(sandbox(), includes, method.script(), script.get(), manifest, json);
        } catch (ScriptException e) {
            problems.add(new Problem(Severity.ERROR, ValidationCode.SCRIPT_SYNTAX_ERROR.code(), e.scriptName(), null,
                    e.getMessage()));
            return null;
        }
    }

    private static Map<String, Scorer> scorersOf(Iterable<BilanPlugin> plugins) {
        Map<String, Scorer> scorers = new HashMap<>();
        for (BilanPlugin plugin : plugins) {
            for (Scorer scorer : plugin.scorers()) {
                Scorer previous = scorers.putIfAbsent(scorer.name(), scorer);
                if (previous != null && previous != scorer) {
                    throw new IllegalStateException("two plugins provide a scorer named \"" + scorer.name() + "\": "
                            + previous.getClass().getName() + " and " + scorer.getClass().getName());
                }
            }
        }
        return Map.copyOf(scorers);
    }

    /** The JavaScript sandbox, started on first use. */
    private synchronized ScriptSandbox sandbox() {
        if (closed) {
            throw new IllegalStateException("the runtime is closed");
        }
        if (sandbox == null) {
            beforeSandbox.run();
            sandbox = new ScriptSandbox(sandboxLimits);
        }
        return sandbox;
    }

    /**
     * Starts the JavaScript engine now if it is not started yet (one to a few seconds), so that the first package
     * with a script does not pay for it: for a server that will surely load scripts. Runs the
     * {@link Builder#beforeScripts} hook first.
     */
    public void startScripts() {
        sandbox();
    }

    /** Whether the JavaScript engine has been started, i.e. a package with a script was loaded. */
    public synchronized boolean scriptsStarted() {
        return sandbox != null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Settings of a runtime; every one has a default. */
    public static final class Builder {
        private SandboxLimits sandboxLimits = SandboxLimits.defaults();
        private PackageLimits packageLimits = PackageLimits.defaults();
        private Set<String> requiredLanguages = Set.of();
        private List<BilanPlugin> plugins;
        private List<String> pluginFailures = List.of();
        private Runnable beforeSandbox = () -> { };

        private Builder() {
        }

        /**
         * Runs just before the JavaScript engine starts, the first time a package with a script is loaded; it may
         * throw to refuse, e.g. for a process started without the optimizing compiler that scripts need.
         */
        public Builder beforeScripts(Runnable hook) {
            this.beforeSandbox = java.util.Objects.requireNonNull(hook, "hook");
            return this;
        }

        /** Per-call limits of scoring scripts. */
        public Builder sandboxLimits(SandboxLimits limits) {
            this.sandboxLimits = limits;
            return this;
        }

        /** Size limits of packages. */
        public Builder packageLimits(PackageLimits limits) {
            this.packageLimits = limits;
            return this;
        }

        /** Languages every package must declare, e.g. {@code fr} and {@code en} for shipped packages. */
        public Builder requiredLanguages(Set<String> languages) {
            this.requiredLanguages = Set.copyOf(languages);
            return this;
        }

        /** Plugins that could not be loaded, with why: named in the error of an instrument whose scorer is missing. */
        public Builder pluginFailures(List<String> pluginFailures) {
            this.pluginFailures = List.copyOf(pluginFailures);
            return this;
        }

        /** The plugins whose scorers manifests may name; by default those {@link ServiceLoader} finds. */
        public Builder plugins(List<BilanPlugin> plugins) {
            this.plugins = List.copyOf(plugins);
            return this;
        }

        public BilanRuntime build() {
            return new BilanRuntime(this);
        }
    }
}
