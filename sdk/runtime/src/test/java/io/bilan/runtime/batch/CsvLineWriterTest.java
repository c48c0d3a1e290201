package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbers appended straight into a line read exactly as the text cells of {@link CsvReportWriter#number} would:
 * the same digits, never neutralised nor quoted.
 */
class CsvLineWriterTest {

    @Test
    void numbersWrittenInPlaceMatchTheirTextCells() throws Exception {
        Random random = new Random(20261206L);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 0.1, -2.5, 1e15, -1e15, 999999999999999.0,
                1e16, 1.0E-5, -1.0E-7, 123456789.125, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.6666666666666665, 4.2 / 3));
        for (int i = 0; i < 20_000; i++) {
            values.add(switch (i % 4) {
                case 0 -> random.nextDouble() * 6;
                case 1 -> (random.nextInt(150) + 1) / (double) (random.nextInt(25) + 1);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> -random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            });
        }
        // Every value again, in reverse: figures already written are copied from the writer's memory of them.
        List<Double> again = new ArrayList<>(values);
        java.util.Collections.reverse(again);
        values.addAll(again);
        values.add(null);
        StringWriter inPlace = new StringWriter();
        StringWriter asText = new StringWriter();
        CsvLineWriter inPlaceLines = new CsvLineWriter(inPlace);
        CsvLineWriter textLines = new CsvLineWriter(asText);
        for (Double value : values) {
            inPlaceLines.integer(7L);
            inPlaceLines.number(value);
            inPlaceLines.integer(value == null ? null : (int) Math.floor(value * 3) % 10_000);
            inPlaceLines.empty(2);
            inPlaceLines.endLine();
            textLines.write(Long.toString(7L), CsvReportWriter.number(value),
                    value == null ? "" : Integer.toString((int) Math.floor(value * 3) % 10_000), "", null);
        }
        assertEquals(asText.toString(), inPlace.toString());
    }

    @Test
    void aLongLineIsWrittenWhole() throws Exception {
        StringWriter out = new StringWriter();
        CsvLineWriter lines = new CsvLineWriter(out);
        String cell = "x".repeat(200_000);
        lines.write("1", cell);
        lines.write("2", "=1+1");
        assertEquals("1," + cell + "\r\n2,\"'=1+1\"\r\n", out.toString());
    }
}
