/**
 * The regression corpus: a JUnit Platform engine (id {@code detsim-corpus}) that runs every failure
 * file ({@code *.detsim}) in a module's {@code src/test/resources/detsim-corpus} as a test that must
 * pass against the real engine. See {@link io.detsim.replay.corpus.CorpusTestEngine} and, for how it
 * is asked to run under Maven Surefire, {@link io.detsim.replay.corpus.DetsimCorpus}.
 */
package io.detsim.replay.corpus;
