#!/usr/bin/python3
"""Checks that every id in the --acked files is recallable: a recall with its own embedding finds it.

Used by .ci/check-grpc-clients.sh after the server was killed with -9 and restarted on the same folder.
Every client embeds id X as embedding_of(X) (a random vector seeded by the id), which this recomputes.
"""
import argparse
import sys
from concurrent.futures import ThreadPoolExecutor

import grpc

import detsim_engine_pb2 as pb
import detsim_engine_pb2_grpc as rpc
from stream import embedding_of


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="127.0.0.1:50051")
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("acked", nargs="+", help="files of '<space> <id>' lines")
    args = parser.parse_args()
    stub = rpc.EngineStub(grpc.insecure_channel(args.target))
    wanted = []
    for name in args.acked:
        with open(name) as f:
            wanted += [line.split() for line in f if line.strip()]

    def found(pair):
        space, memory_id = pair
        pages = stub.Recall(pb.RecallRequest(space=space, cue=embedding_of(memory_id, args.dim), k=args.k))
        return memory_id in [hit.memory_id for page in pages for hit in page.hits]

    with ThreadPoolExecutor(8) as pool:
        missing = [pair for pair, ok in zip(wanted, pool.map(found, wanted)) if not ok]
    print("check: %d acknowledged, %d not recalled%s" % (len(wanted), len(missing),
          (": " + ", ".join(" ".join(p) for p in missing[:10])) if missing else ""))
    return 1 if missing or not wanted else 0


if __name__ == "__main__":
    sys.exit(main())
