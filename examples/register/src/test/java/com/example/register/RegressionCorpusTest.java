package com.example.register;

import io.detsim.replay.corpus.DetsimCorpus;

/** Every failure file in src/test/resources/detsim-corpus replays, without its planted bug, and passes. */
@DetsimCorpus
class RegressionCorpusTest {}
