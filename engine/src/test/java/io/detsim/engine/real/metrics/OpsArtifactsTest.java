package io.detsim.engine.real.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.detsim.engine.metrics.EngineMetrics;
import io.detsim.engine.metrics.MetricNames;
import io.detsim.engine.metrics.MetricsSnapshot;
import io.detsim.engine.protocol.Priority;
import io.detsim.engine.protocol.RejectReason;
import io.prometheus.metrics.model.registry.MetricType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The monitoring files under {@code ops/} against what the endpoint really exports: a dashboard
 * query or alert rule that names a metric, a label or a lane the engine does not export would show
 * an empty panel or never fire, and nothing else would notice. Also: every alert links a section
 * of docs/runbook.md that exists. (promtool checks the PromQL itself: ops/check-rules.sh.)
 */
class OpsArtifactsTest {
  /** Tests run in the engine module's directory; the ops files are at the repository root. */
  private static final Path ROOT = Path.of("..");
  private static final Path DASHBOARD = ROOT.resolve("ops/grafana/detsim-engine.json");
  private static final Path ALERTS = ROOT.resolve("ops/prometheus/alerts.yml");
  private static final Path RUNBOOK = ROOT.resolve("docs/runbook.md");

  private static final Pattern METRIC = Pattern.compile("engram_streaming_[a-z_]+");
  private static final Pattern SELECTOR = Pattern.compile("(engram_streaming_[a-z_]+)\\{([^}]*)\\}");
  private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
  private static final Pattern EXPR = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\w+)$", Pattern.MULTILINE);
  private static final Pattern RUNBOOK_URL = Pattern.compile("runbook_url: \"docs/runbook\\.md#([a-z0-9-]+)\"");
  /** Labels Prometheus adds to every scraped series. */
  private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  private final FamilyCatalog catalog = FamilyCatalog.ofEngine();
  private final MetricsSnapshot names = new EngineMetrics(() -> 0L).snapshot();

  @Test
  void dashboard_queriesOnlyExportedSeries_andShowsEveryFamily() throws IOException {
    List<String> queries = dashboardQueries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);

    Set<String> familiesShown = new TreeSet<>();
    for (String query : queries) {
      assertThat(query).as("a dashboard query filters by the Job and Instance variables")
          .contains("job=~\"$job\"").contains("instance=~\"$instance\"");
      for (String sampleName : metricNames(query)) {
        familiesShown.add(familyOf(sampleName, query));
      }
      checkSelectors(query);
    }
    assertThat(familiesShown).containsExactlyInAnyOrderElementsOf(MetricNames.all());
  }

  @Test
  void alertRules_useOnlyExportedSeries_andLabels() throws IOException {
    String rules = Files.readString(ALERTS, StandardCharsets.UTF_8);

    List<String> sampleNames = metricNames(rules);
    assertThat(sampleNames).isNotEmpty();
    for (String sampleName : sampleNames) {
      familyOf(sampleName, "alerts.yml");
    }
    checkSelectors(rules);
  }

  @Test
  void everyAlert_linksAnExistingRunbookSection() throws IOException {
    String rules = Files.readString(ALERTS, StandardCharsets.UTF_8);
    Set<String> anchors = runbookAnchors();

    List<String> alerts = all(ALERT.matcher(rules), 1);
    List<String> links = all(RUNBOOK_URL.matcher(rules), 1);
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(12);
    assertThat(links).as("one runbook_url per alert, in order").hasSameSizeAs(alerts);
    for (int i = 0; i < alerts.size(); i++) {
      assertThat(links.get(i)).as("runbook link of %s", alerts.get(i))
          .isEqualTo(alerts.get(i).toLowerCase(Locale.ROOT));
      assertThat(anchors).as("docs/runbook.md sections").contains(links.get(i));
    }
  }

  /** The family a sample name belongs to: itself, or a histogram's with _bucket, _sum or _count. */
  private String familyOf(String sampleName, String where) {
    if (MetricNames.all().contains(sampleName)) {
      assertThat(catalog.entry(sampleName).type()).as("%s in %s is a histogram family: use its _bucket, _sum or _count",
          sampleName, where).isNotEqualTo(MetricType.HISTOGRAM);
      return sampleName;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count")) {
      if (sampleName.endsWith(suffix)) {
        String family = sampleName.substring(0, sampleName.length() - suffix.length());
        if (MetricNames.all().contains(family) && catalog.entry(family).type() == MetricType.HISTOGRAM) {
          return family;
        }
      }
    }
    throw new AssertionError(sampleName + " in " + where + " is not a series the engine exports; families: "
        + MetricNames.all());
  }

  /** Label names a selector matches on must be the family's (or Prometheus's); enum values must exist. */
  private void checkSelectors(String text) {
    Matcher selector = SELECTOR.matcher(text);
    while (selector.find()) {
      String sampleName = selector.group(1);
      String family = familyOf(sampleName, text);
      Set<String> allowed = new TreeSet<>(names.labelNames(family));
      allowed.addAll(TARGET_LABELS);
      if (sampleName.endsWith("_bucket")) {
        allowed.add("le");
      }
      Matcher matcher = MATCHER.matcher(selector.group(2));
      while (matcher.find()) {
        String label = matcher.group(1);
        assertThat(allowed).as("labels of %s in %s", family, selector.group()).contains(label);
        if (matcher.group(2).equals("=")) {
          checkEnumValue(label, matcher.group(3), selector.group());
        }
      }
    }
  }

  private static void checkEnumValue(String label, String value, String selector) {
    List<String> values = new ArrayList<>();
    if (label.equals("priority")) {
      for (Priority priority : Priority.values()) {
        values.add(priority.name().toLowerCase(Locale.ROOT));
      }
    } else if (label.equals("reason")) {
      for (RejectReason reason : RejectReason.values()) {
        values.add(reason.name().toLowerCase(Locale.ROOT));
      }
    } else {
      return;
    }
    assertThat(values).as("%s values, in %s", label, selector).contains(value);
  }

  private static List<String> dashboardQueries() throws IOException {
    String json = Files.readString(DASHBOARD, StandardCharsets.UTF_8);
    List<String> queries = new ArrayList<>();
    Matcher expr = EXPR.matcher(json);
    while (expr.find()) {
      queries.add(expr.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    return queries;
  }

  private static List<String> metricNames(String text) {
    return all(METRIC.matcher(text), 0);
  }

  /** GitHub's anchors of the "## " headings: lower case, spaces to hyphens, other punctuation dropped. */
  private static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new TreeSet<>();
    for (String line : Files.readAllLines(RUNBOOK, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        anchors.add(line.substring(3).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static List<String> all(Matcher matcher, int group) {
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(group));
    }
    return found;
  }
}
