#!/usr/bin/env bash
# Builds growth.cpp against Debian's hnswlib headers (package libhnswlib-dev, installed here if
# missing) for this machine's CPU, and runs it with the arguments given (see growth.cpp).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f /usr/include/hnswlib/hnswlib.h ]; then
  apt-get update -qq && apt-get install -y -qq libhnswlib-dev >/dev/null
fi
out="${TMPDIR:-/tmp}/detsim-hnswlib-growth"
g++ -O3 -march=native -DNDEBUG -o "$out" "$here/growth.cpp" -lpthread
exec "$out" "$@"
