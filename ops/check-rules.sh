#!/usr/bin/env bash
# Checks the monitoring artefacts under ops/: the alert rules are valid (promtool check rules), their
# unit tests pass (promtool test rules), the example Prometheus configuration loads them (promtool
# check config), and the Grafana dashboard is valid JSON. Exits non-zero on any failure.
#
# promtool comes with Debian's `prometheus` package. When it is missing and we run as root, it is
# installed quietly with apt-get; otherwise the script says how to install it and fails.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "check-rules: promtool is not installed, and installing it needs root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y prometheus   (or put promtool on PATH)" >&2
    exit 2
  fi
  echo "check-rules: installing promtool (Debian package prometheus)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  command -v promtool >/dev/null 2>&1 || { echo "check-rules: promtool still missing after install" >&2; exit 2; }
fi

echo "check-rules: $(promtool --version 2>&1 | head -n 1)"
promtool check rules prometheus/alerts.yml
promtool test rules prometheus/alerts_test.yml
promtool check config prometheus/prometheus.yml

# The dashboard: valid JSON, and every panel query valid PromQL. promtool parses only rule files, so
# the queries go into a throwaway one, with Grafana's variables replaced by values of the same kind.
if command -v python3 >/dev/null 2>&1; then
  python3 -m json.tool grafana/detsim-engine.json >/dev/null
  queries=$(mktemp --suffix=.yml)
  trap 'rm -f "$queries"' EXIT
  python3 - grafana/detsim-engine.json >"$queries" <<'PYTHON'
import json, sys
dashboard = json.load(open(sys.argv[1]))
print("groups:\n  - name: dashboard-queries\n    rules:")
for panel in dashboard["panels"]:
    for number, target in enumerate(panel.get("targets", [])):
        expr = (target["expr"].replace("$__rate_interval", "1m").replace("$job", ".*").replace("$instance", ".*"))
        print(f"      - record: dashboard:panel{panel['id']}:query{number}")
        print(f"        expr: {json.dumps(expr)}")
PYTHON
  promtool check rules "$queries" >/dev/null
  echo "check-rules: grafana/detsim-engine.json is valid JSON, and its $(grep -c 'record:' "$queries") queries parse"
else
  echo "check-rules: python3 not found; skipping the checks of the dashboard" >&2
fi
echo "check-rules: all checks passed"
