package io.bilan.runtime.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DoubleText} writes what {@link Double#toString(double)} writes, or declines. */
class DoubleTextTest {

    private final char[] text = new char[DoubleText.MAX_LENGTH];

    @Test
    void writesEveryDecimalUpToThreeDigitsAsDoubleToString() {
        // Every multiple of 0.001 up to 200, both signs, and the doubles just beside each.
        for (long thousandths = 0; thousandths <= 200_000; thousandths++) {
            double value = thousandths / 1000.0;
            check(value);
            check(-value);
            check(Math.nextUp(value));
            check(Math.nextDown(value));
        }
    }

    @Test
    void writesRandomValuesAsDoubleToString() {
        Random random = new Random(20261207);
        for (int i = 0; i < 1_000_000; i++) {
            check(switch (i % 5) {
                case 0 -> random.nextInt(20_000_000) / Math.pow(10, random.nextInt(5)) - 5e6;
                case 1 -> random.nextDouble() * 2e7 - 1e7;
                case 2 -> random.nextDouble() * 0.01;
                case 3 -> Double.longBitsToDouble(random.nextLong());
                default -> random.nextInt(100) + random.nextInt(10) / 3.0;
            });
        }
    }

    @Test
    void writesTheEdgesOfItsRangeAsDoubleToString() {
        for (double value : new double[] {0.001, 0.0009999999999999998, 0.0010000000000000002, 9999999.999,
                9999999.999999998, 1e7, 1e7 - 1, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, 2.6, 26.0, 0.4, 1.5e-3}) {
            check(value);
            check(-value);
        }
    }

    @Test
    void writesTheUsualScoresItselfAndDeclinesTheRest() {
        assertEquals(4, DoubleText.write(26.0, text));
        assertEquals("26.0", new String(text, 0, 4));
        assertEquals(3, DoubleText.write(2.6, text));
        assertEquals(6, DoubleText.write(-0.125, text));
        assertEquals("-0.125", new String(text, 0, 6));
        assertEquals(-1, DoubleText.write(0.1 + 0.2, text), "0.30000000000000004 needs more digits");
        assertEquals(-1, DoubleText.write(1e7, text), "1.0E7 is written in scientific notation");
        assertEquals(-1, DoubleText.write(0.0, text), "zero, and its sign, are left to Double.toString");
        assertEquals(-1, DoubleText.write(Double.NaN, text));
    }

    private void check(double value) {
        int length = DoubleText.write(value, text);
        assertTrue(length == -1 || length <= DoubleText.MAX_LENGTH);
        if (length >= 0) {
            assertEquals(Double.toString(value), new String(text, 0, length), "bits " + Double.doubleToRawLongBits(value));
        }
    }
}
