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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

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
