package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ggzy.sgw.gateway.regulator.QualityRepository.Keyed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CountsTest {

    @Nested
    class Rates {

        @Test
        void shouldBeNullWhenTheDenominatorIsZero() {
            assertThat(Counts.rate(0, 0)).isNull();
            assertThat(Counts.ZERO.timelyRate()).isNull();
            assertThat(Counts.ZERO.completenessRate()).isNull();
            assertThat(Counts.ZERO.acceptanceRate()).isNull();
        }

        @Test
        void shouldRoundToFourDecimalsHalfUp() {
            assertThat(Counts.rate(2, 3)).isEqualTo(0.6667);
            assertThat(Counts.rate(1, 3)).isEqualTo(0.3333);
            assertThat(Counts.rate(1, 8)).isEqualTo(0.125);
            assertThat(Counts.rate(3, 3)).isEqualTo(1.0);
            assertThat(Counts.rate(0, 5)).isEqualTo(0.0);
        }

        @Test
        void shouldShareTimelyRecordsOverThoseWithAKnownLag() {
            Counts c = Counts.ofRecords(10, 8, 6, 1, 1, 0, 0);

            assertThat(c.timelyRate()).isEqualTo(0.75);
        }

        @Test
        void shouldCountNeitherDuplicatesNorStaleInTheAcceptanceRate() {
            Counts c = Counts.ofReceipts(9, 3);

            assertThat(c.acceptanceRate()).isEqualTo(0.75);
        }

        @Test
        void shouldShareExpectationsMetOnTimeOverThoseDue() {
            assertThat(Counts.ofExpectations(4, 1).completenessRate()).isEqualTo(0.25);
        }
    }

    @Nested
    class Sums {

        @Test
        void shouldAddEveryCounterWhenMerged() {
            Counts sum = Counts.ofRecords(5, 5, 3, 1, 1, 0, 0)
                    .plus(Counts.ofRecords(5, 4, 2, 0, 0, 1, 1))
                    .plus(Counts.ofReceipts(10, 2))
                    .plus(Counts.ofExpectations(3, 2));

            assertThat(sum).isEqualTo(new Counts(10, 9, 5, 1, 1, 1, 1, 10, 2, 3, 2));
            assertThat(sum.lagBuckets()).isEqualTo(new Scores.LagBuckets(5, 1, 1, 1, 1));
            assertThat(sum.timelyRate()).isEqualTo(0.5556);
        }

        @Test
        void shouldGroupByDataSetInNameOrderWhenTheRowsComeFromThreeQueries() {
            var byDataset = QualityService.byDataset(List.of(
                    new Keyed("P", "gcjs.tender-notice", Counts.ofRecords(2, 2, 1, 1, 0, 0, 0)),
                    new Keyed("P", "gcjs.bid-opening", Counts.ofExpectations(1, 1)),
                    new Keyed("P", "gcjs.tender-notice", Counts.ofReceipts(2, 1))));

            assertThat(byDataset).containsOnlyKeys("gcjs.bid-opening", "gcjs.tender-notice");
            assertThat(byDataset.keySet()).first().isEqualTo("gcjs.bid-opening");
            assertThat(byDataset.get("gcjs.tender-notice")).isEqualTo(new Counts(2, 2, 1, 1, 0, 0, 0, 2, 1, 0, 0));
        }
    }
}
