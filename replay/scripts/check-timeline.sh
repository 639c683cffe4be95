#!/usr/bin/env bash
# Checks the timeline end to end in a real browser: runs a real failing scenario (the swarm input of
# seed 1 with a hand-written schedule and an engine mutant, see TimelineDemo), writes its JSON Lines
# trace, reads it back, renders the HTML timeline, then loads the page in headless Chromium:
#   1. --dump-dom: the script ran to the end (body data-ready="timeline-ready", data-drawn > 0) and
#      threw nothing (no "Uncaught" on the console);
#   2. --screenshot of the whole run and of a zoomed window: PNGs of the right size that are not blank.
#
# Usage: replay/scripts/check-timeline.sh [OUTPUT_DIR] [--update-docs]
#   OUTPUT_DIR defaults to replay/target/timeline-check; --update-docs also writes docs/timeline.png.
#   MUTANT=... picks the engine mutant (default STEAL_SINGLE_ITEMS); ZOOM=from=0.47&to=0.53 the zoomed window.
# Needs: JDK 17+, Maven with the dependencies in ~/.m2, Chromium (Debian: apt-get install chromium);
# --update-docs uses pngquant when present to keep the image small.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/replay/target/timeline-check"
update_docs=false
for arg in "$@"; do
  case "$arg" in
    --update-docs) update_docs=true ;;
    *) out=$arg ;;
  esac
done
mutant=${MUTANT:-STEAL_SINGLE_ITEMS}
zoom=${ZOOM:-from=0.47&to=0.53}
mkdir -p "$out"
out=$(cd "$out" && pwd)

fail() { echo "check-timeline: FAIL: $*" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null; then browser=$candidate; break; fi
done
[ -n "$browser" ] || fail "no Chromium found (Debian: apt-get install -y chromium)"

echo "== build (replay and the modules it needs; tests compiled, not run)"
(cd "$root" && mvn -B -o -q package -pl dist -am -DskipTests)

echo "== render the timeline of a real failing run (mutant $mutant)"
java -cp "$root/dist/target/detsim.jar:$root/replay/target/test-classes" \
  io.detsim.replay.timeline.TimelineDemo "$out" "$mutant" | tee "$out/demo.txt"
grep -q '^violation: [A-Z_]* at ' "$out/demo.txt" || fail "the demo run found no violation: nothing to mark"
page="$out/timeline.html"
[ -s "$page" ] || fail "no page written at $page"
if grep -qE 'https?://' "$page"; then fail "the page references a network address"; fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
    --window-size=1600,900 --virtual-time-budget=3000 --enable-logging=stderr --v=0 "$@"
}

echo "== load it in $browser"
chrome --dump-dom "file://$page" >"$out/dom.html" 2>"$out/chrome-dom.log" || fail "chromium failed, see $out/chrome-dom.log"
grep -q 'data-ready="timeline-ready"' "$out/dom.html" || fail "the page's script did not finish (no data-ready)"
drawn=$(grep -o 'data-drawn="[0-9]*"' "$out/dom.html" | grep -o '[0-9][0-9]*' || echo 0)
[ "$drawn" -gt 0 ] || fail "the page drew nothing (data-drawn=$drawn)"
if grep -q 'Uncaught' "$out/chrome-dom.log"; then grep 'Uncaught' "$out/chrome-dom.log" >&2; fail "script error"; fi
echo "page ran: $drawn events and messages drawn in the whole-run view"

shoot() { # shoot NAME URL
  rm -f "$out/$1"
  chrome --screenshot="$out/$1" "$2" >/dev/null 2>"$out/chrome-$1.log" || fail "screenshot $1 failed"
  [ -s "$out/$1" ] || fail "no screenshot $1"
  python3 - "$out/$1" <<'PY' || fail "screenshot $1 is not a 1600x900 PNG of real content"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1600, 900), f"size {width}x{height}"
# A blank page compresses to a few KB; lanes, arrows and labels do not.
assert len(data) > 40_000, f"only {len(data)} bytes: the page looks blank"
print(f"{sys.argv[1]}: {width}x{height}, {len(data)} bytes")
PY
}
echo "== screenshots"
shoot timeline.png "file://$page"
shoot timeline-zoom.png "file://$page#$zoom"

if $update_docs; then
  mkdir -p "$root/docs"
  if command -v pngquant >/dev/null; then # a palette PNG: about a third of the size, no visible loss for flat drawings
    pngquant --force --quality=70-95 --output "$root/docs/timeline.png" "$out/timeline.png"
  else
    cp "$out/timeline.png" "$root/docs/timeline.png"
  fi
  size=$(wc -c <"$root/docs/timeline.png")
  [ "$size" -lt 300000 ] || fail "docs/timeline.png is $size bytes, over 300 KB"
  echo "docs/timeline.png updated ($size bytes)"
fi
echo "check-timeline: OK ($out)"
