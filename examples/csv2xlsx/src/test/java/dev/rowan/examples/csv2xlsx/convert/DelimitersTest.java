package dev.rowan.examples.csv2xlsx.convert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DelimitersTest {

    @Test
    void theDelimiterConsistentWithTheHeaderWins() {
        assertThat(Delimiters.detect("a;b;c\n1,5;2;3\n4;5,5;6\n", false)).isEqualTo(';');
        assertThat(Delimiters.detect("a|b\n1|x;y\n", false)).isEqualTo('|');
        assertThat(Delimiters.detect("a\tb, c\n1\t2\n", false)).isEqualTo('\t');
    }

    @Test
    void delimitersInsideQuotesDoNotVote() {
        assertThat(Delimiters.detect("\"a;b;c\",d\n\"1;2;3\",4\n", false)).isEqualTo(',');
    }

    @Test
    void quotedLineBreaksDoNotSplitRecords() {
        assertThat(Delimiters.detect("a;b\n\"multi\nline, with, commas\";2\n3;4\n", false)).isEqualTo(';');
    }

    @Test
    void aTruncatedLastRecordDoesNotVote() {
        // The cut-off last line lost its ",3,4"; counted, it would make ',' look inconsistent.
        assertThat(Delimiters.detect("a;b,c,d\n1;2,3,4\n5;6", true)).isEqualTo(',');
        assertThat(Delimiters.detect("a;b,c,d\n1;2,3,4\n5;6", false)).isEqualTo(';');
    }

    @Test
    void tiesGoToTheHigherCountThenToTheCandidateOrder() {
        assertThat(Delimiters.detect("a,b;c;d\n1,2;3;4\n", false)).isEqualTo(';');
        assertThat(Delimiters.detect("a,b;c\n1,2;3\n", false)).isEqualTo(',');
    }

    @Test
    void noCandidateMeansOneColumnWithComma() {
        assertThat(Delimiters.detect("name\nAnn\n", false)).isEqualTo(',');
        assertThat(Delimiters.detect("", false)).isEqualTo(',');
    }
}
