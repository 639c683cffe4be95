package io.detsim.properties.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.detsim.properties.core.ChoiceSequence;
import io.detsim.properties.core.Gen;
import io.detsim.properties.core.Property;
import io.detsim.properties.core.PropertyConfig;
import io.detsim.properties.core.Verdict;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.ConfigurationParameters;

class SettingsTest {

  /** Annotations to plan with: the defaults, and every element set. */
  static class Annotated {
    @SimProperty
    static Property<Long> defaults() {
      return Property.of("defaults", Gen.longs(0, 1), value -> Verdict.pass());
    }

    @SimProperty(tries = 7, seed = "0xFF", shrinkAttempts = 0, mode = "exhaustive")
    static Property<Long> everything() {
      return Property.of("everything", Gen.longs(0, 1), value -> Verdict.pass());
    }

    @SimProperty(tries = 7, mode = "nightly")
    static Property<Long> nightly() {
      return Property.of("nightly", Gen.longs(0, 1), value -> Verdict.pass());
    }
  }

  static SimProperty annotation(String method) throws NoSuchMethodException {
    return Annotated.class.getDeclaredMethod(method).getAnnotation(SimProperty.class);
  }

  static ConfigurationParameters parameters(Map<String, String> values) {
    return new ConfigurationParameters() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
      }

      @Override
      public Optional<Boolean> getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean);
      }

      @Override
      public Set<String> keySet() {
        return values.keySet();
      }
    };
  }

  static Settings settings(Map<String, String> values, String ci) {
    return Settings.from(parameters(values), name -> name.equals("CI") ? ci : null, () -> 0xfeedL);
  }

  @Test
  void defaults_areAHundredRandomTriesFromSeedZero_withTheDatabaseInTarget() throws Exception {
    Settings settings = settings(Map.of(), null);

    Settings.Plan plan = settings.plan(annotation("defaults"));
    assertThat(plan.mode()).isEqualTo(Settings.Mode.RANDOM);
    assertThat(plan.tries()).isEqualTo(100);
    assertThat(plan.startSeed()).isZero();
    assertThat(plan.config()).isEqualTo(PropertyConfig.defaults());
    assertThat(settings.database()).contains(Path.of("target", "detsim-db"));
    assertThat(settings.replay()).isEmpty();
  }

  @Test
  void database_isOffInCi_unlessSetExplicitly() {
    assertThat(settings(Map.of(), "true").database()).isEmpty();
    assertThat(settings(Map.of(), "false").database()).contains(Settings.DEFAULT_DATABASE);
    assertThat(settings(Map.of(Settings.DATABASE, "/tmp/db"), "true").database()).contains(Path.of("/tmp/db"));
    assertThat(settings(Map.of(Settings.DATABASE, "none"), null).database()).isEmpty();
  }

  @Test
  void parameters_areRead() throws Exception {
    Settings settings = settings(Map.of(Settings.TRIES, "12", Settings.SEED, "0xAbC", Settings.SHRINK_ATTEMPTS, "9",
        Settings.EXHAUSTIVE_MAX, "40", Settings.REPLAY, " v1 1 2 ", Settings.MODE, "Exhaustive"), null);

    Settings.Plan plan = settings.plan(annotation("defaults"));
    assertThat(plan.config()).isEqualTo(new PropertyConfig(12, 0xabcL, PropertyConfig.Mode.EXHAUSTIVE, 9, 40));
    assertThat(plan.seedOrigin()).isEqualTo("detsim.seed");
    assertThat(settings.replay()).contains(ChoiceSequence.of(1, 2));
  }

  @Test
  void annotationValues_overrideTheParameters() throws Exception {
    Settings.Plan plan = settings(Map.of(Settings.TRIES, "12", Settings.SEED, "1", Settings.MODE, "random"), null)
        .plan(annotation("everything"));

    assertThat(plan.config()).isEqualTo(new PropertyConfig(7, 0xffL, PropertyConfig.Mode.EXHAUSTIVE, 0, 100_000));
    assertThat(plan.seedOrigin()).isEqualTo("@SimProperty(seed)");
    assertThat(plan.triesOrigin()).isEqualTo("@SimProperty(tries), which detsim.tries=12 does not override");
  }

  @Test
  void triesOrigin_namesTheSettingOrTheDefault() throws Exception {
    assertThat(settings(Map.of(Settings.TRIES, "12"), null).plan(annotation("defaults")).triesOrigin())
        .isEqualTo(Settings.TRIES);
    assertThat(settings(Map.of(), null).plan(annotation("defaults")).triesOrigin()).isEqualTo("the default");
  }

  @Test
  void nightlyMode_multipliesTries_andDrawsOneFreshSeedForTheRun() throws Exception {
    AtomicInteger draws = new AtomicInteger();
    Settings settings = Settings.from(parameters(Map.of()), name -> null, () -> 0x1000L + draws.incrementAndGet());

    Settings.Plan first = settings.plan(annotation("nightly"));
    Settings.Plan second = settings.plan(annotation("nightly"));
    assertThat(first.tries()).isEqualTo(700);
    assertThat(first.startSeed()).isEqualTo(0x1001L).isEqualTo(second.startSeed());
    assertThat(draws).hasValue(1);
    assertThat(settings(Map.of(Settings.SEED, "5"), null).plan(annotation("nightly")).startSeed()).isEqualTo(5);
  }

  @Test
  void malformedParameters_nameTheParameterAndValue() {
    assertThatThrownBy(() -> settings(Map.of(Settings.TRIES, "-1"), null))
        .hasMessage("detsim.tries must be an integer of at least 0, not '-1'");
    assertThatThrownBy(() -> settings(Map.of(Settings.SEED, "0xg"), null))
        .hasMessage("detsim.seed must be a seed of 1 to 16 hex digits (such as 0x2a), not '0xg'");
    assertThatThrownBy(() -> settings(Map.of(Settings.SEED, "12345678901234567"), null))
        .hasMessageContaining("1 to 16 hex digits");
    assertThatThrownBy(() -> settings(Map.of(Settings.MODE, "fast"), null))
        .hasMessage("detsim.mode must be random, exhaustive or nightly, not 'fast'");
    assertThatThrownBy(() -> settings(Map.of(Settings.EXHAUSTIVE_MAX, "0"), null))
        .hasMessage("detsim.exhaustive.max must be an integer of at least 1, not '0'");
    assertThatThrownBy(() -> settings(Map.of(Settings.REPLAY, "1 2 3"), null))
        .hasMessageStartingWith("detsim.replay must be a choice sequence such as 'v1 3 0 17': ");
  }

  @Test
  void seeds_takeSixteenHexDigits_withOrWithout0x() {
    assertThat(Settings.parseSeed("ffffffffffffffff", "s")).isEqualTo(-1L);
    assertThat(Settings.parseSeed(" 0x2A ", "s")).isEqualTo(42L);
  }
}
