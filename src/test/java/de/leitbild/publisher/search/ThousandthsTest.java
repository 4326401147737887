package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The index writes a rounded score exactly as Double.toString writes it, the way it always has. */
class ThousandthsTest {

    @Test
    void everyScoreItCanWriteReadsAsDoubleToStringWritesIt() {
        int differences = 0;
        int first = -1;
        for (int k = 0; k < Thousandths.LIMIT; k++) {
            if (!Thousandths.text(k).equals(Double.toString(k / 1000.0))) {
                differences++;
                first = first < 0 ? k : first;
            }
        }
        assertThat(differences).as("scores written otherwise, the first " + first).isZero();
        assertThat(Thousandths.text(2)).isEqualTo("0.002");
        assertThat(Thousandths.text(4112)).isEqualTo("4.112");
        assertThat(Thousandths.text(3000)).isEqualTo("3.0");
        assertThat(Thousandths.fits(Thousandths.LIMIT)).isFalse();
        assertThat(Thousandths.fits(-1)).isFalse();
    }
}
