#!/bin/sh
# Writes the Python stubs (detsim_engine_pb2.py, detsim_engine_pb2_grpc.py) from the server's .proto,
# with Debian's grpc_tools (apt-get install python3-grpc-tools). The stubs are not checked in.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
/usr/bin/python3 -m grpc_tools.protoc -I "$here/../../../engine-grpc/src/main/proto" \
  --python_out="$here" --grpc_python_out="$here" detsim_engine.proto
