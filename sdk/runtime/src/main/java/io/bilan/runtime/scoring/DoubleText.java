package io.bilan.runtime.scoring;

/**
 * {@link Double#toString(double)}'s text of the values scores usually take, found without its general algorithm:
 * values with at most three decimals, from 0.001 to 10,000,000 excluded in magnitude (a raw score, a mean of
 * answers, a level like 0.4). Writing those through {@code Double.toString} was half the time of writing a report.
 *
 * <p>Why the text is the same: {@code Double.toString} writes, in that range, the decimal with the fewest digits that
 * rounds to the value, with at least one digit after the point. A gap between two doubles there is below 2e-9, far
 * below 0.001, so at most one decimal with {@code k} digits after the point rounds to the value: the one found by
 * rounding the value times 10<sup>k</sup>, and it rounds to the value exactly when dividing it back by 10<sup>k</sup>
 * gives the value (both are exact in a double, and the division rounds to nearest as parsing does). The smallest such
 * {@code k} gives the shortest text. {@code DoubleTextTest} compares the two on every such decimal up to 200 and on
 * random values.
 */
final class DoubleText {

    private static final long[] POWERS = {1, 10, 100, 1000};
    /** The longest text written: a sign, seven integer digits, the point and three decimals. */
    static final int MAX_LENGTH = 12;

    private DoubleText() {
    }

    /**
     * Writes {@code Double.toString(value)} into {@code text} (at least {@link #MAX_LENGTH} long) from its start and
     * returns its length, or returns -1 and writes nothing when the value is not one this class writes.
     */
    static int write(double value, char[] text) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return -1;
        }
        for (int k = 0; k < POWERS.length; k++) {
            double power = POWERS[k];
            long digits = Math.round(magnitude * power);
            if (digits / power == magnitude) {
                // Below 10^7 and 1000: both fit an int, whose division is cheaper.
                return write(value < 0, (int) (digits / POWERS[k]), (int) (digits % POWERS[k]), k, text);
            }
        }
        return -1;
    }

    private static int write(boolean negative, int whole, int fraction, int decimals, char[] text) {
        int at = 0;
        if (negative) {
            text[at++] = '-';
        }
        at = digits(whole, text, at);
        text[at++] = '.';
        if (decimals == 0) {
            text[at++] = '0';
            return at;
        }
        for (int i = decimals - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return at + decimals;
    }

    /** Writes the digits of {@code number} (not negative) from {@code at}; returns where they end. */
    private static int digits(int number, char[] text, int at) {
        int length = 1;
        for (int rest = number / 10; rest > 0; rest /= 10) {
            length++;
        }
        for (int i = at + length - 1; i >= at; i--) {
            text[i] = (char) ('0' + number % 10);
            number /= 10;
        }
        return at + length;
    }
}
