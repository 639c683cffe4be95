#!/usr/bin/env bash
# The worked example end to end, as a user runs it: detsim installed by its coordinates, this
# project built and tested against them (JUnit 5.10's BOM imported), then the detsim command line
# on this project's class path: fuzz with the planted bug, replay the failure with a trace and a
# timeline, shrink it, check determinism, and replay the committed corpus file.
# Usage: examples/register/check.sh   (from anywhere; JAVA_HOME picks the JDK)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$here/target/check"
rm -rf "$out" && mkdir -p "$out"

echo "--- install detsim (the published artifacts) into the local repository"
(cd "$root" && mvn -B -q install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip)

echo "--- build and test the example against them: mvn verify"
mvn -B -f "$here/pom.xml" verify
mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt"
cp="$here/target/classes:$here/target/test-classes:$(cat "$out/cp.txt")"
detsim() { "$java" -jar "$root/dist/target/detsim.jar" --class-path "$cp" "$@"; }

echo "--- detsim scenarios lists the project's own"
detsim scenarios | grep -q '^kv-register '

echo "--- fuzz with the planted bug: a failure, shrunk and saved"
set +e
detsim fuzz kv-register --mutant ack-before-replicate --seeds 200 --jobs 1 --corpus "$out/found" | tee "$out/fuzz.txt"
status=${PIPESTATUS[0]}
set -e
[ "$status" = 1 ] || { echo "check: fuzz with the planted bug should exit 1, exit $status" >&2; exit 1; }
file=$(ls "$out"/found/*.detsim | head -n 1)

echo "--- replay it exactly, with a trace and a timeline"
set +e
detsim replay "$file" --trace "$out/run.jsonl" --html "$out/run.html" | tee "$out/replay.txt"
set -e
[ "$(tail -n 1 "$out/replay.txt")" = REPRODUCED ] || { echo "check: replay did not reproduce" >&2; exit 1; }
[ -s "$out/run.jsonl" ] && grep -q '</html>' "$out/run.html"

echo "--- shrink it again, and check determinism in a fresh JVM"
detsim shrink "$file" -o "$out/shrunk.detsim"
detsim check-determinism kv-register --seeds 3

echo "--- the committed corpus files reproduce with their planted bug (mvn verify replays them without: they pass)"
for corpus in "$here"/src/test/resources/detsim-corpus/*.detsim; do
  set +e
  detsim replay "$corpus" > "$out/corpus.txt"
  set -e
  grep -q '^REPRODUCED$' "$out/corpus.txt" || { echo "check: $corpus did not reproduce with its bug" >&2; exit 1; }
done
echo "example: every step passed"
