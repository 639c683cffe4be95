package io.detsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.sim.buggify.BuggifyOptions;
import io.detsim.sim.random.RandomStreams;
import org.junit.jupiter.api.Test;

class BuggifyTest {
  enum Site { A, B, C, D, E, F, G, H }

  @Test
  void none_neverFires() {
    Buggify buggify = new Buggify(BuggifyOptions.none(), new RandomStreams(1));
    for (int i = 0; i < 1_000; i++) {
      for (Site site : Site.values()) {
        assertThat(buggify.shouldFire(site)).isFalse();
      }
    }
  }

  @Test
  void aboutAQuarterOfSitesAreEnabled_andEnabledSitesFireAboutAQuarterOfTheTime() {
    int enabled = 0;
    long fired = 0;
    long asked = 0;
    for (long seed = 0; seed < 200; seed++) {
      Buggify buggify = new Buggify(BuggifyOptions.standard(), new RandomStreams(seed));
      for (Site site : Site.values()) {
        int fires = 0;
        for (int i = 0; i < 100; i++) {
          if (buggify.shouldFire(site)) {
            fires++;
          }
        }
        if (buggify.report().get("Site." + site.name()).startsWith("enabled")) {
          enabled++;
          fired += fires;
          asked += 100;
        } else {
          assertThat(fires).isZero();
        }
      }
    }
    assertThat(enabled).isBetween(300, 500); // of 1,600 site-runs, 400 expected
    assertThat((double) fired / asked).isBetween(0.22, 0.28);
  }

  @Test
  void aSitesFate_doesNotDependOnWhichOtherSitesWereAskedFirst() {
    Buggify first = new Buggify(BuggifyOptions.standard(), new RandomStreams(77));
    Buggify second = new Buggify(BuggifyOptions.standard(), new RandomStreams(77));
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      a.append(first.shouldFire(Site.C) ? '1' : '0');
    }
    for (int i = 0; i < 200; i++) {
      second.shouldFire(Site.A);
      second.shouldFire(Site.B);
      b.append(second.shouldFire(Site.C) ? '1' : '0');
    }
    assertThat(b.toString()).isEqualTo(a.toString());
  }
}
