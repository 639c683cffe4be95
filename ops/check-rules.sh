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

if command -v python3 >/dev/null 2>&1; then
  python3 -m json.tool grafana/detsim-engine.json >/dev/null
  echo "check-rules: grafana/detsim-engine.json is valid JSON"
else
  echo "check-rules: python3 not found; skipping the JSON check of the dashboard" >&2
fi
echo "check-rules: all checks passed"
