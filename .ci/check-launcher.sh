#!/usr/bin/env bash
# The launcher (./detsim) passes JAVA_OPTS to the JVM, split on spaces, before the jar: two system
# properties set there must be the JVM's own (-XshowSettings:properties prints them on stderr as the
# JVM starts; the command then runs as usual), and without JAVA_OPTS neither is set.
# Usage: .ci/check-launcher.sh   (after a build: dist/target/detsim.jar must be up to date, or the
# launcher builds it first; JAVA_HOME picks the JDK)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  echo "check-launcher: FAIL: $1" >&2
  printf '%s\n' "$2" | grep -v '^ ' | sed 's/^/  | /' | head -n 30 >&2 # the JVM's indented settings left out
  exit 1
}

with=$(JAVA_OPTS="-XshowSettings:properties -Ddetsim.launcher.first=one -Ddetsim.launcher.second=two" \
  "$root/detsim" --version 2>&1) || fail "./detsim --version with JAVA_OPTS exited non-zero" "$with"
grep -q '^ *detsim\.launcher\.first = one$' <<<"$with" \
  || fail "the first of JAVA_OPTS's properties did not reach the JVM" "$with"
grep -q '^ *detsim\.launcher\.second = two$' <<<"$with" \
  || fail "the second of JAVA_OPTS's properties did not reach the JVM (not split on spaces?)" "$with"
grep -q '^detsim [0-9]' <<<"$with" \
  || fail "./detsim --version printed no version after the JVM's settings" "$with"

without=$(env -u JAVA_OPTS "$root/detsim" --version 2>&1) \
  || fail "./detsim --version without JAVA_OPTS exited non-zero" "$without"
if grep -q 'detsim\.launcher\.' <<<"$without"; then
  fail "without JAVA_OPTS the properties are still set" "$without"
fi
echo "check-launcher: JAVA_OPTS reaches the JVM"
