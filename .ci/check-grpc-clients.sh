#!/usr/bin/env bash
# The gRPC clients end to end against `./detsim server` (the jar verify built, through the launcher):
# the Python, TypeScript and Java clients stream 10,000 observations each while the server is killed with -9
# and restarted on the same folder (each reconnects and resends what was not acknowledged); then the server is
# killed with -9 once more, restarted, and every acknowledged observation must be recallable.
# Fails loudly at the first step that fails. Run from the repository's root.
set -euo pipefail

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=dist/target/detsim.jar
clients=examples/clients
dim=16
[ -f "$jar" ] || { echo "check-grpc-clients: $jar is missing: build it first (mvn package)" >&2; exit 1; }

step() { echo "=== grpc clients: $*"; }
fail() { echo "check-grpc-clients: FAILED: $*" >&2; exit 1; }

step "apt python3-grpcio python3-grpc-tools"
if ! /usr/bin/python3 -c 'import grpc, grpc_tools' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-grpcio python3-grpc-tools >/dev/null \
    || fail "apt-get install python3-grpcio python3-grpc-tools"
fi
sh "$clients/python/generate.sh" || fail "generating the Python stubs"

step "npm ci, tsc (TypeScript client)"
(cd "$clients/typescript" && npm ci --no-audit --no-fund --silent && npx tsc) || fail "building the TypeScript client"

step "mvn compile (Java client: stubs generated from the .proto)"
(cd "$clients/java" && mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt) \
  || fail "building the Java client"
java_client_cp="$clients/java/target/classes:$(cat "$clients/java/target/classpath.txt")"

work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# Any free port, chosen once so that a restarted server is where the clients expect it.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

starts=0
start_server() {
  starts=$((starts + 1))
  log="$work/server.$starts.log"
  # The documented command (README, examples/clients/README.md): the launcher execs the JVM, so the
  # pid is the server's own and kill -9 reaches it; the jar verify built is fresh, so it runs as is.
  ./detsim server --data "$work/data" --port "$port" --dim "$dim" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "serving 127.0.0.1:$port" "$log" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; fail "the server exited while starting"; }
    sleep 0.1
  done
  fail "the server did not start within 60 s"
}
# Waits until a client says its session is open, then lets it stream for a second.
await_session() {
  for _ in $(seq 1 600); do
    grep -q "session open" "$1" 2>/dev/null && { sleep 1; return 0; }
    sleep 0.1
  done
  fail "no session opened within 60 s ($1)"
}
kill_server() { kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=; }

step "start the server on $work/data, port $port"
start_server

step "Python, TypeScript and Java clients: 10,000 observations each at 3,000/s, the server killed -9 and restarted under them"
/usr/bin/python3 "$clients/python/stream.py" --target "127.0.0.1:$port" --dim "$dim" --count 10000 --rate 3000 \
  --space python-client --acked "$work/python.acked" >"$work/python.out" &
python_pid=$!
node "$clients/typescript/dist/stream.js" --target "127.0.0.1:$port" --dim "$dim" --count 10000 --rate 3000 \
  --space typescript-client --acked "$work/typescript.acked" >"$work/typescript.out" &
typescript_pid=$!
"$java_bin" -cp "$java_client_cp" example.Stream --target "127.0.0.1:$port" --dim "$dim" --count 10000 --rate 3000 \
  --space java-client --acked "$work/java.acked" >"$work/java.out" &
java_pid=$!
await_session "$work/python.out"
await_session "$work/typescript.out"
await_session "$work/java.out"
kill_server
start_server
wait "$python_pid" || { cat "$work/python.out"; fail "the Python client"; }
wait "$typescript_pid" || { cat "$work/typescript.out"; fail "the TypeScript client"; }
wait "$java_pid" || { cat "$work/java.out"; fail "the Java client"; }
for client in python typescript java; do
  cat "$work/$client.out"
  [ "$(wc -l <"$work/$client.acked")" -eq 10000 ] || fail "the $client client did not get 10,000 acknowledgements"
  grep -q "([1-9][0-9]* reconnects)" "$work/$client.out" || fail "the $client client never reconnected: the kill missed it"
done

step "kill -9 the server, restart it on the same folder"
kill_server
start_server

step "every acknowledged observation is recallable"
/usr/bin/python3 "$clients/python/check_acked.py" --target "127.0.0.1:$port" --dim "$dim" "$work"/*.acked \
  || fail "an acknowledged observation was not recalled after the restart"

step "SIGTERM: the server drains, syncs and exits 0"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server's exit after SIGTERM was $?"
server_pid=
step "ok"
