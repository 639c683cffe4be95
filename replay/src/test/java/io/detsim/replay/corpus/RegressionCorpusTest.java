package io.detsim.replay.corpus;

/**
 * This module's regression corpus, {@code src/test/resources/detsim-corpus}: Surefire selects this
 * class by name, and the {@code detsim-corpus} engine answers by replaying every failure file there
 * against the real engine ({@code mvn -o test -pl replay -am -Dtest=RegressionCorpusTest} runs just
 * the corpus). The files were written by {@link CorpusSeeder}; each once exposed a planted bug.
 */
@DetsimCorpus
class RegressionCorpusTest {}
