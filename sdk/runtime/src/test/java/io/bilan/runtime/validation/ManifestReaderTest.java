package io.bilan.runtime.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.Author;
import io.bilan.api.instrument.Bands;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentKind;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LabelledPoint;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.instrument.MissingDataRule;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.OutcomeMapping;
import io.bilan.api.instrument.RespondentView;
import io.bilan.api.instrument.Scale;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.api.instrument.ScoringMethod;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.schema.JsonSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ManifestReader} reads what Jackson's binding of the manifest's records reads: the same records, or a refusal
 * where Jackson refuses, for every manifest of the repository that the package schema accepts and for generated
 * manifests that set, leave out or null every member of every type.
 */
class ManifestReaderTest {

    private static final ObjectMapper JSON = BilanRuntime.newObjectMapper();
    private static final JsonSchemas.CompiledSchema SCHEMA = JsonSchemas.bundled(JsonSchemas.INSTRUMENT_PACKAGE);

    /** Jackson's binding, or "refused". */
    private static Object jackson(JsonNode manifest) {
        try {
            return JSON.treeToValue(manifest, InstrumentManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "refused";
        }
    }

    /** The reader's, or "refused" for what PackageValidator reports as an invalid manifest. */
    private static Object reader(JsonNode manifest) {
        try {
            return ManifestReader.read(manifest);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "refused";
        }
    }

    @Test
    void readsEveryManifestOfTheRepositoryAsJacksonDoes() throws IOException {
        // The shipped instruments, the examples, the benchmarks, the command line's templates and the test packages.
        Path root = Path.of("../..");
        List<Path> manifests;
        try (Stream<Path> files = Stream.of("instruments", "examples", "sdk", "engine/src/test/resources")
                .map(root::resolve).filter(Files::isDirectory).flatMap(ManifestReaderTest::walk)) {
            manifests = files.filter(path -> path.getFileName().toString().equals("manifest.json"))
                    .filter(path -> !path.toString().contains("/target/")).sorted().toList();
        }
        int read = 0;
        for (Path path : manifests) {
            JsonNode manifest;
            try {
                manifest = JSON.readTree(path.toFile());
            } catch (JsonProcessingException e) {
                continue; // a template with placeholders, or a package that tests a broken manifest
            }
            if (!manifest.isObject() || !SCHEMA.validate(manifest).isEmpty()) {
                continue;
            }
            assertEquals(jackson(manifest), reader(manifest), path.toString());
            read++;
        }
        assertTrue(read >= 30, "only " + read + " manifests the schema accepts were found under " + root.toAbsolutePath());
    }

    @Test
    void readsGeneratedManifestsAsJacksonDoes() {
        Generator generator = new Generator(new Random(20261207L));
        Set<Class<?>> kinds = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            InstrumentManifest manifest = generator.manifest();
            JsonNode tree = JSON.valueToTree(manifest);
            assertEquals(jackson(tree), reader(tree), tree::toString);
            assertEquals(manifest, ManifestReader.read(tree), tree::toString);
            manifest.items().forEach(item -> kinds.add(item.getClass()));
            manifest.outcomes().forEach(outcome -> kinds.add(outcome.getClass()));
        }
        assertEquals(Item.class.getPermittedSubclasses().length + OutcomeMapping.class.getPermittedSubclasses().length,
                kinds.size(), kinds::toString);
    }

    @Test
    void readsMembersSetToNullWrongCodesOrLargeNumbersAsJacksonDoes() {
        Generator generator = new Generator(new Random(7L));
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            ObjectNode tree = JSON.valueToTree(generator.manifest());
            // One member of the manifest or of its first item, scale, outcome or norm table set to null, to an
            // unknown code or to a number beyond an int.
            List<ObjectNode> objects = new ArrayList<>(List.of(tree));
            for (String array : List.of("items", "scales", "outcomes", "norms")) {
                if (tree.path(array).size() > 0) {
                    objects.add((ObjectNode) tree.path(array).get(0));
                }
            }
            ObjectNode target = objects.get(generator.random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            String name = names.get(generator.random.nextInt(names.size()));
            if (generator.random.nextBoolean()) {
                target.putNull(name);
            } else if (target.get(name).isTextual()) {
                target.put(name, "no-such-code");
            } else if (target.get(name).isNumber()) {
                target.put(name, 3_000_000_000L); // beyond an int: refused for an int, read for a double
            }
            Object expected = jackson(tree);
            assertEquals(expected, reader(tree), tree::toString);
            refused += "refused".equals(expected) ? 1 : 0;
        }
        assertTrue(refused > 10 && refused < 190, "refused " + refused + " of 200: the changes do not test both ways");
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Manifests whose every member is set, left out or null at random, as each record allows. */
    private static final class Generator {
        final Random random;

        Generator(Random random) {
            this.random = random;
        }

        InstrumentManifest manifest() {
            return new InstrumentManifest(1 + random.nextInt(2), word(), "1." + random.nextInt(9) + ".0",
                    pick(InstrumentKind.values()), some(() -> pick(BilanPhase.values())), some(this::word),
                    text(), maybe(this::text), maybe(this::text),
                    some(() -> new Author(word(), maybe(this::word), maybe(this::word))), maybe(this::word),
                    random.nextInt(90), maybe(() -> random.nextInt(3600)), maybe(() -> map(this::likertFormat)),
                    some(this::item), maybe(() -> some(this::scale)), maybe(() -> some(this::normTable)),
                    maybe(() -> some(this::outcome)),
                    maybe(() -> new ScoringMethod(maybe(this::word), maybe(this::word), maybe(() -> some(this::word)))),
                    maybe(() -> pick(RespondentView.values())));
        }

        LikertFormat likertFormat() {
            return new LikertFormat(random.nextInt(2), 2 + random.nextInt(8), some(this::point));
        }

        LabelledPoint point() {
            return new LabelledPoint(random.nextInt(10), text());
        }

        Item item() {
            String id = word();
            LocalizedText text = text();
            boolean required = random.nextBoolean();
            return switch (random.nextInt(10)) {
                case 0 -> new Item.Likert(id, text, required, maybe(this::word));
                case 1 -> new Item.SingleChoice(id, text, required, maybe(this::options));
                case 2 -> new Item.MultipleChoice(id, text, required, maybe(this::options), maybe(random::nextInt),
                        maybe(random::nextInt));
                case 3 -> new Item.Ranking(id, text, required, maybe(this::options));
                case 4 -> new Item.ForcedChoice(id, text, required, maybe(this::options));
                case 5 -> new Item.Numeric(id, text, required, maybe(this::number), maybe(this::number),
                        random.nextBoolean(), maybe(this::text));
                case 6 -> new Item.FreeText(id, text, required, random.nextInt(5000));
                case 7 -> new Item.RepeatingGroup(id, text, required, maybe(() -> some(this::field)),
                        maybe(() -> random.nextInt(3)), random.nextInt(20));
                case 8 -> new Item.Knowledge(id, text, required, maybe(this::options), maybe(this::word),
                        maybe(() -> map(this::number)), maybe(this::number));
                default -> new Item.ObservationCriterion(id, text, required, random.nextInt(2), 3 + random.nextInt(4),
                        maybe(() -> some(this::point)));
            };
        }

        List<ChoiceOption> options() {
            return some(() -> new ChoiceOption(word(), maybe(this::text), maybe(this::number)));
        }

        Field field() {
            return new Field(word(), maybe(this::text), maybe(() -> pick(Field.Type.values())), random.nextBoolean(),
                    maybe(this::options), maybe(this::number), maybe(this::number), maybe(() -> random.nextInt(500)));
        }

        Scale scale() {
            return new Scale(word(), maybe(this::text), maybe(this::text), maybe(() -> pick(Scale.Aggregation.values())),
                    some(() -> new ScaleItem(word(), maybe(this::word), maybe(() -> random.nextBoolean() ? 1 : -1),
                            maybe(this::number))),
                    maybe(() -> new MissingDataRule(maybe(() -> random.nextInt(5)), maybe(random::nextBoolean),
                            maybe(() -> pick(MissingDataRule.Insufficient.values())))),
                    maybe(this::bands));
        }

        Bands bands() {
            return new Bands(maybe(() -> pick(Bands.Metric.values())),
                    some(() -> new Bands.Band(word(), number(), maybe(this::text), maybe(this::text))));
        }

        NormTable normTable() {
            return new NormTable(word(), maybe(this::text), random.nextInt(5000), maybe(this::word),
                    maybe(() -> map(() -> new NormTable.ScaleNorms(maybe(() -> pick(NormTable.Basis.values())),
                            some(() -> new NormTable.Row(number(), number(), number(), random.nextInt(10),
                                    random.nextInt(11)))))),
                    maybe(this::bands));
        }

        OutcomeMapping outcome() {
            EvidenceSource source = maybe(() -> pick(EvidenceSource.values()));
            return switch (random.nextInt(3)) {
                case 0 -> new OutcomeMapping.Interest(pick(RiasecArea.values()), word(), source);
                case 1 -> new OutcomeMapping.Value(pick(WorkValue.values()), word(), source);
                default -> new OutcomeMapping.Competence(word(), word(), source,
                        maybe(() -> pick(EvidenceMeasure.values())));
            };
        }

        LocalizedText text() {
            return random.nextBoolean() ? LocalizedText.of("fr", word() + " é", "en", word())
                    : LocalizedText.of("en", word());
        }

        String word() {
            return "w" + random.nextInt(1000);
        }

        Double number() {
            return random.nextBoolean() ? (double) random.nextInt(100) : random.nextInt(1000) / 8.0;
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        <T> T maybe(Supplier<T> value) {
            return random.nextInt(3) == 0 ? null : value.get();
        }

        <T> List<T> some(Supplier<T> value) {
            List<T> values = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                values.add(value.get());
            }
            return values;
        }

        <T> Map<String, T> map(Supplier<T> value) {
            Map<String, T> values = new LinkedHashMap<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                values.put(word(), value.get());
            }
            return values;
        }
    }
}
