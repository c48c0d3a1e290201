package io.bilan.runtime.problem;

import io.bilan.api.report.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every code the runtime reports about a package, a response set, a scoring call or a batch row: the
 * {@code code} of a {@link io.bilan.api.report.Problem}, of a
 * {@link io.bilan.runtime.source.PackageReadException}, of a {@link io.bilan.runtime.scoring.ScoringException}
 * or of a refused batch row. The code strings are stable: programs may act on them. {@code docs/problems.md}
 * says, for each, what it means and how to fix it.
 *
 * <p>One family is open: a manifest that breaks its JSON Schema gets {@code schema-<keyword>}, the keyword in
 * kebab case ({@code schema-required}, {@code schema-additional-properties}); see {@link #schema(String)}.
 */
public enum ValidationCode {

    // Reading a package (PackageReadException): nothing is validated before these are fixed.

    /** The path is neither a package folder nor a zip file. */
    PACKAGE_NOT_FOUND("package-not-found", Stage.READ, "the path is neither a package folder nor a zip file"),
    /** The package is over the size limit of a package. */
    PACKAGE_TOO_LARGE("package-too-large", Stage.READ, "the package, unpacked, is over the package size limit"),
    /** One file of the package is over the size limit of a file. */
    FILE_TOO_LARGE("file-too-large", Stage.READ, "one file of the package is over the file size limit"),
    /** The package holds more files than allowed; in a response set, an answer has more entries than allowed. */
    TOO_MANY_ENTRIES("too-many-entries", Stage.READ,
            "more files in the package, or entries in an answer, than allowed"),
    /** A zip holds the same path twice. */
    DUPLICATE_ENTRY("duplicate-entry", Stage.READ, "the zip holds the same path twice"),
    /** The file is empty or not a valid zip. */
    NOT_A_ZIP("not-a-zip", Stage.READ, "the file is empty or not a valid zip"),
    /** A zip entry's name is not UTF-8. */
    ENTRY_NAME_NOT_UTF8("entry-name-not-utf8", Stage.READ, "a zip entry's name is not UTF-8"),
    /** An entry's name points outside the package (absolute, {@code ..}, drive letter). */
    ENTRY_OUTSIDE_PACKAGE("entry-outside-package", Stage.READ, "an entry's name points outside the package"),
    /** The package holds a symbolic or hard link. */
    LINK_IN_PACKAGE("link-in-package", Stage.READ, "the package holds a symbolic link"),
    /** The package could not be read (an I/O error). */
    PACKAGE_UNREADABLE("package-unreadable", Stage.READ, "the package could not be read"),

    // Validating a package (PackageValidator, ManifestChecks, BilanRuntime).

    /** The package has no {@code manifest.json}. */
    MISSING_MANIFEST("missing-manifest", Stage.PACKAGE, "the package has no manifest.json"),
    /** {@code manifest.json} is not valid JSON, or not a JSON object. */
    INVALID_JSON("invalid-json", Stage.PACKAGE, "manifest.json is not valid JSON or not a JSON object"),
    /** {@code manifest.json} breaks the manifest's JSON Schema; the code names the keyword. */
    SCHEMA("schema-<keyword>", Stage.PACKAGE, "manifest.json breaks a rule of the manifest schema"),
    /** {@code manifest.json} fits the schema but cannot be read as a manifest. */
    INVALID_MANIFEST("invalid-manifest", Stage.PACKAGE, "manifest.json cannot be read as a manifest"),
    /** A language is declared without the texts of the instrument in it. */
    MISSING_LANGUAGE("missing-language", Stage.PACKAGE, "the texts lack a language the package declares"),
    /** A text lacks a declared language. */
    MISSING_TRANSLATION("missing-translation", Stage.PACKAGE, "a text lacks one of the declared languages"),
    /** A text is given in a language the package does not declare. */
    UNDECLARED_LANGUAGE("undeclared-language", Severity.WARNING, Stage.PACKAGE,
            "a text is given in a language the package does not declare"),
    /** A minimum is not below its maximum. */
    INVALID_RANGE("invalid-range", Stage.PACKAGE, "a minimum is not below its maximum"),
    /** A Likert label names a point outside the scale's range. */
    LABEL_OUT_OF_RANGE("label-out-of-range", Stage.PACKAGE, "a Likert label names a point outside the range"),
    /** A Likert point is labelled twice. */
    DUPLICATE_POINT("duplicate-point", Stage.PACKAGE, "a Likert point is labelled twice"),
    /** Two items share an id. */
    DUPLICATE_ITEM_ID("duplicate-item-id", Stage.PACKAGE, "two items share an id"),
    /** A Likert item names a format the manifest does not define. */
    UNKNOWN_LIKERT_FORMAT("unknown-likert-format", Stage.PACKAGE, "a Likert item names an undefined format"),
    /** A multiple choice's picks are not {@code minPicks <= maxPicks <= options}. */
    INVALID_PICKS("invalid-picks", Stage.PACKAGE, "the picks of a multiple choice are impossible"),
    /** A forced-choice block has fewer options than measure well. */
    SMALL_FORCED_CHOICE_BLOCK("small-forced-choice-block", Severity.WARNING, Stage.PACKAGE,
            "a forced-choice block has too few options to measure well"),
    /** A knowledge item has neither a correct answer nor credits. */
    MISSING_CORRECT_ANSWER("missing-correct-answer", Stage.PACKAGE, "a knowledge item has no correct answer"),
    /** An option is named that the item does not have, in a package or in a response. */
    UNKNOWN_OPTION("unknown-option", Stage.PACKAGE, "an option is named that the item does not have"),
    /** A knowledge item credits an option with more than the item's points, or less than 0. */
    CREDIT_OUT_OF_RANGE("credit-out-of-range", Stage.PACKAGE, "an option's credit is outside 0 to the points"),
    /** No option of a knowledge item earns all its points. */
    NO_FULL_CREDIT("no-full-credit", Severity.WARNING, Stage.PACKAGE, "no option earns all the points"),
    /** A repeating group's {@code minEntries} exceeds its {@code maxEntries}. */
    INVALID_ENTRIES("invalid-entries", Stage.PACKAGE, "minEntries exceeds maxEntries"),
    /** Two fields of a repeating group share an id. */
    DUPLICATE_FIELD_ID("duplicate-field-id", Stage.PACKAGE, "two fields of a repeating group share an id"),
    /** A choice field has no options. */
    MISSING_OPTIONS("missing-options", Stage.PACKAGE, "a choice field has no options"),
    /** A field that is not a choice has options. */
    OPTIONS_NOT_ALLOWED("options-not-allowed", Stage.PACKAGE, "a field that is not a choice has options"),
    /** Two options of an item share a value. */
    DUPLICATE_OPTION_VALUE("duplicate-option-value", Stage.PACKAGE, "two options of an item share a value"),
    /** Two scales share an id. */
    DUPLICATE_SCALE_ID("duplicate-scale-id", Stage.PACKAGE, "two scales share an id"),
    /** An item id is named that the instrument does not have, in a scale or in a response. */
    UNKNOWN_ITEM("unknown-item", Stage.PACKAGE, "an item is named that the instrument does not have"),
    /** A scale uses the same item (and option) twice. */
    DUPLICATE_SCALE_ITEM("duplicate-scale-item", Stage.PACKAGE, "a scale uses the same item twice"),
    /** A scale names an item with an option where the item takes none. */
    OPTION_NOT_ALLOWED("option-not-allowed", Stage.PACKAGE, "a scale gives an option for an item without options"),
    /** A scale names a ranking, forced-choice or multiple-choice item without the option it counts. */
    OPTION_REQUIRED("option-required", Stage.PACKAGE, "a scale names an item with options but not the option"),
    /** A scale uses an item that gives no number (free text, repeating group, unscored choice). */
    ITEM_NOT_SCOREABLE("item-not-scoreable", Stage.PACKAGE, "a scale uses an item that gives no number"),
    /** A scale's {@code minAnswered} is above its number of items. */
    INVALID_MIN_ANSWERED("invalid-min-answered", Stage.PACKAGE, "minAnswered is outside 1 to the scale's items"),
    /** A scale's bands are placed on a score the scale does not have. */
    INVALID_BANDS("invalid-bands", Stage.PACKAGE, "bands are placed on a score the scale does not have"),
    /** Two bands of a scale share an id. */
    DUPLICATE_BAND_ID("duplicate-band-id", Stage.PACKAGE, "two bands of a scale share an id"),
    /** A band does not start above the previous one. */
    BANDS_NOT_INCREASING("bands-not-increasing", Stage.PACKAGE, "bands do not start at increasing scores"),
    /** Two norm tables share an id. */
    DUPLICATE_NORM_ID("duplicate-norm-id", Stage.PACKAGE, "two norm tables share an id"),
    /** A scale id is named that the manifest does not declare. */
    UNKNOWN_SCALE("unknown-scale", Stage.PACKAGE, "a scale is named that the manifest does not declare"),
    /** A norm table's rows do not increase with the score. */
    NORM_NOT_MONOTONIC("norm-not-monotonic", Stage.PACKAGE, "a norm table's values decrease as the score rises"),
    /** An outcome names a competence neither in the built-in framework nor an ESCO skill URI. */
    UNKNOWN_COMPETENCE("unknown-competence", Stage.PACKAGE, "an outcome names an unknown competence"),
    /** The manifest shows the person scales after submitting, but it declares neither scales nor a scorer. */
    RESPONDENT_VIEW_WITHOUT_RESULTS("respondent-view-without-results", Severity.WARNING, Stage.PACKAGE,
            "the person is to see scales, but the package has no scales nor scoring"),
    /** The manifest names a Java scorer no loaded plugin provides. */
    UNKNOWN_SCORER("unknown-scorer", Stage.PACKAGE, "no plugin provides the Java scorer the manifest names"),
    /** The manifest names a scoring script the package does not hold. */
    MISSING_SCRIPT("missing-script", Stage.PACKAGE, "the scoring script named by the manifest is missing"),
    /** The scoring script does not compile, or defines no {@code score} function. */
    SCRIPT_SYNTAX_ERROR("script-syntax-error", Stage.PACKAGE, "the scoring script does not compile"),
    /** The package has no fixtures: nothing shows that it scores as intended. */
    NO_FIXTURES("no-fixtures", Severity.WARNING, Stage.PACKAGE, "the package has no fixtures"),
    /** A fixture's expected result differs from what the package scores. */
    FIXTURE_FAILED("fixture-failed", Stage.PACKAGE, "a fixture's expected result differs from the score"),

    // Validating a response set (ResponseValidator, ScoringPlan).

    /** The response set has a property the format does not define. */
    UNKNOWN_PROPERTY("unknown-property", Stage.RESPONSE, "the response set has an unknown property"),
    /** A required item has no answer. */
    MISSING_ANSWER("missing-answer", Stage.RESPONSE, "a required item has no answer"),
    /** A required property of the response set is missing. */
    MISSING_PROPERTY("missing-property", Stage.RESPONSE, "a required property is missing"),
    /** An answer is of the wrong JSON type. */
    WRONG_TYPE("wrong-type", Stage.RESPONSE, "an answer is of the wrong JSON type"),
    /** A number is outside the item's range. */
    OUT_OF_RANGE("out-of-range", Stage.RESPONSE, "a number is outside the item's range"),
    /** A ranking does not rank every option exactly once. */
    INCOMPLETE_RANKING("incomplete-ranking", Stage.RESPONSE, "a ranking does not rank every option"),
    /** A multiple choice has more picks than allowed. */
    TOO_MANY_PICKS("too-many-picks", Stage.RESPONSE, "more picks than the item allows"),
    /** A multiple choice has fewer picks than required. */
    TOO_FEW_PICKS("too-few-picks", Stage.RESPONSE, "fewer picks than the item requires"),
    /** A repeating group or map has fewer entries than required. */
    TOO_FEW_ENTRIES("too-few-entries", Stage.RESPONSE, "fewer entries than the item requires"),
    /** A ranking gives the same option twice. */
    DUPLICATE_RANK("duplicate-rank", Stage.RESPONSE, "a ranking gives the same option twice"),
    /** A multiple choice picks the same option twice. */
    DUPLICATE_PICK("duplicate-pick", Stage.RESPONSE, "a multiple choice picks the same option twice"),
    /** A text is longer than allowed. */
    TOO_LONG("too-long", Stage.RESPONSE, "a text is longer than allowed"),
    /** A value does not have the required format. */
    INVALID_FORMAT("invalid-format", Stage.RESPONSE, "a value does not have the required format"),
    /** An answer breaks another rule of its item. */
    INVALID_ANSWER("invalid-answer", Stage.RESPONSE, "an answer breaks a rule of its item"),
    /** A forced choice names the same option as most and least like the person. */
    SAME_MOST_AND_LEAST("same-most-and-least", Stage.RESPONSE, "the same option is both most and least"),
    /** The norm table asked for does not exist. */
    UNKNOWN_NORM("unknown-norm", Stage.RESPONSE, "the norm table asked for does not exist"),
    /** Too few items are answered to score the instrument. */
    INSUFFICIENT_ANSWERS("insufficient-answers", Stage.RESPONSE, "too few items are answered to score"),

    // Scoring (ScoringException): the package's script or scorer failed on valid responses.

    /** The script threw an error. */
    SCRIPT_ERROR("script-error", Stage.SCORING, "the scoring script threw an error"),
    /** The script ran longer than the time limit. */
    SCRIPT_TIME_LIMIT("script-time-limit", Stage.SCORING, "the script ran longer than the time limit"),
    /** The script executed more statements than the limit. */
    SCRIPT_STATEMENT_LIMIT("script-statement-limit", Stage.SCORING, "the script ran too many statements"),
    /** The script allocated too much memory, or too long a string or array. */
    SCRIPT_MEMORY_LIMIT("script-memory-limit", Stage.SCORING, "the script allocated too much memory"),
    /** The script nested too many calls, usually by unbounded recursion. */
    SCRIPT_STACK_OVERFLOW("script-stack-overflow", Stage.SCORING, "the script nested too many calls"),
    /** No turn to run the script came in time: too many scripted calls at once. Retrying soon works. */
    SCRIPT_BUSY("script-busy", Stage.SCORING, "too many scripted calls at once; retry soon"),
    /** The script returned something that is not a valid result. */
    INVALID_SCRIPT_RESULT("invalid-script-result", Stage.SCORING, "the script returned an invalid result"),
    /** A Java scorer threw an exception. */
    SCORER_ERROR("scorer-error", Stage.SCORING, "the Java scorer threw an exception"),
    /** A Java scorer returned something that is not a valid result. */
    INVALID_SCORER_RESULT("invalid-scorer-result", Stage.SCORING, "the Java scorer returned an invalid result"),

    // Batches: a row refused; the other rows are scored.

    /** A batch row cannot be read as a response set (bad CSV cell, bad JSON line). */
    INVALID_ROW("invalid-row", Stage.BATCH, "a batch row cannot be read as a response set"),
    /** A batch row's response set does not fit the instrument; its problems are listed. */
    INVALID_RESPONSE("invalid-response", Stage.BATCH, "a batch row's response set does not fit the instrument");

    /** Where a code is reported. */
    public enum Stage {
        /** Reading a package's files, before any validation. */
        READ,
        /** Validating a package: manifest, script, fixtures. */
        PACKAGE,
        /** Validating a response set. */
        RESPONSE,
        /** Scoring a valid response set. */
        SCORING,
        /** Scoring a batch, one row. */
        BATCH
    }

    private final String code;
    private final Severity severity;
    private final Stage stage;
    private final String meaning;

    ValidationCode(String code, Stage stage, String meaning) {
        this(code, Severity.ERROR, stage, meaning);
    }

    ValidationCode(String code, Severity severity, Stage stage, String meaning) {
        this.code = code;
        this.severity = severity;
        this.stage = stage;
        this.meaning = meaning;
    }

    /** The code as reported, e.g. {@code unknown-item}; for {@link #SCHEMA}, the pattern {@code schema-<keyword>}. */
    public String code() {
        return code;
    }

    /** The severity the runtime reports it with; only errors block. */
    public Severity severity() {
        return severity;
    }

    /** Where it is reported. */
    public Stage stage() {
        return stage;
    }

    /** What it means, in one line. */
    public String meaning() {
        return meaning;
    }

    /** The code of a manifest that breaks the JSON Schema keyword {@code keyword}, e.g. {@code schema-min-items}. */
    public static String schema(String keyword) {
        return "schema-" + (keyword == null ? "violation"
                : keyword.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }

    /** The code of an invalid result from a scoring extension of {@code kind} ({@code script} or {@code scorer}). */
    public static ValidationCode invalidResult(String kind) {
        return "scorer".equals(kind) ? INVALID_SCORER_RESULT : INVALID_SCRIPT_RESULT;
    }

    /** The entry of a reported code string, if the catalogue has it ({@code schema-*} codes are {@link #SCHEMA}). */
    public static Optional<ValidationCode> of(String code) {
        if (code != null && code.startsWith("schema-")) {
            return Optional.of(SCHEMA);
        }
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
