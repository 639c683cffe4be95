#!/usr/bin/python3
"""Streams observations to a detsim server at a target rate, as a user would.

Opens a session, sends --count observations at --rate a second, honours every retry-after,
reconnects and resends what was not acknowledged when the stream breaks, then recalls.
Writes the acknowledged (ACCEPTED: durable) observations to --acked, '<space> <id>' a line.
"""
import argparse
import queue
import sys
import threading
import time

import grpc

import detsim_engine_pb2 as pb
import detsim_engine_pb2_grpc as rpc


def embedding_of(memory_id, dim):
    """The same id always has the same embedding, in every client (FNV-1a of the id seeds xorshift32):
    resends are identical, and check_acked.py can recall any client's observations."""
    x = 2166136261
    for byte in memory_id.encode("utf-8"):
        x = ((x ^ byte) * 16777619) & 0xFFFFFFFF
    x = x or 1
    values = []
    for _ in range(dim):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        values.append(x / 4294967296.0 * 2.0 - 1.0)
    return values


class Session:
    """One session stream: frames go out through a queue, answers come back on a reader thread."""

    def __init__(self, stub, space, metadata):
        self.outbox = queue.Queue()
        self.answers = queue.Queue()
        self.outbox.put(pb.ClientFrame(init=pb.Init(space=space)))
        self.stream = stub.Session(iter(self.outbox.get, None), metadata=metadata)
        threading.Thread(target=self._read, daemon=True).start()
        first = self.answers.get()
        if isinstance(first, Exception):
            raise first
        self.id = first.init_ack.session_id
        self.window = first.init_ack.window

    def _read(self):
        try:
            for frame in self.stream:
                self.answers.put(frame)
            self.answers.put(EOFError("stream ended"))
        except grpc.RpcError as error:
            self.answers.put(error)

    def send(self, seq, memory_id, dim):
        self.outbox.put(pb.ClientFrame(observation=pb.Observation(
            session_id=self.id, seq=seq, memory_id=memory_id, embedding=embedding_of(memory_id, dim),
            content="observation " + memory_id)))

    def close(self):
        self.outbox.put(pb.ClientFrame(close=pb.Close()))
        self.outbox.put(None)


def connect(stub, space, metadata):
    """A new session, retried every 0.2 s while the server is unreachable (for up to a minute)."""
    for _ in range(300):
        try:
            return Session(stub, space, metadata)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.UNAVAILABLE:
                raise
            time.sleep(0.2)
    raise SystemExit("could not reach the server for a minute")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", default="127.0.0.1:50051")
    parser.add_argument("--space", default="python-client")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=2_000.0, help="observations a second")
    parser.add_argument("--dim", type=int, default=128, help="the server's --dim")
    parser.add_argument("--token-file", help="send 'authorization: Bearer <first line>'")
    parser.add_argument("--acked", help="write the acknowledged ids here")
    args = parser.parse_args()

    metadata = ()
    if args.token_file:
        with open(args.token_file) as f:
            metadata = (("authorization", "Bearer " + f.readline().strip()),)
    channel = grpc.insecure_channel(args.target)
    stub = rpc.EngineStub(channel)

    ids = ["%s-%d" % (args.space, i) for i in range(args.count)]
    order = {memory_id: i for i, memory_id in enumerate(ids)}
    todo = list(reversed(ids))   # still to send (popped from the end)
    in_flight = {}               # seq -> memory id, sent and not yet answered
    acked = []
    not_before = 0.0             # honour the latest retry-after
    reconnects = 0
    session = connect(stub, args.space, metadata)
    print("python client: session open", flush=True)
    seq = 0
    start = time.monotonic()
    sent = 0
    while todo or in_flight:
        now = time.monotonic()
        due = start + sent / args.rate
        while todo and len(in_flight) < session.window and now >= due and now >= not_before:
            seq += 1
            memory_id = todo.pop()
            in_flight[seq] = memory_id
            session.send(seq, memory_id, args.dim)
            sent += 1
            due = start + sent / args.rate
        try:
            answer = session.answers.get(timeout=max(0.0, min(due, max(not_before, now)) - now) or 0.001)
        except queue.Empty:
            continue
        if isinstance(answer, Exception):  # the stream broke: reconnect, resend what was not answered
            reconnects += 1
            todo.extend(reversed(sorted(in_flight.values(), key=order.get)))
            in_flight.clear()
            session = connect(stub, args.space, metadata)
            seq = 0
            continue
        if answer.HasField("ack"):
            ack = answer.ack
            memory_id = in_flight.pop(ack.seq, None)
            if memory_id is None:
                continue
            if ack.outcome == pb.ACCEPTED:
                acked.append(memory_id)
            elif ack.reason == pb.OVER_CAPACITY:
                not_before = time.monotonic() + ack.retry_after_millis / 1000.0
                todo.append(memory_id)
            else:
                print("refused %s: %s" % (memory_id, ack.message), file=sys.stderr)
                return 1
    elapsed = time.monotonic() - start
    session.close()

    cue = embedding_of(acked[0], args.dim)
    hits = [hit.memory_id for page in stub.Recall(pb.RecallRequest(space=args.space, cue=cue, k=5),
                                                  metadata=metadata) for hit in page.hits]
    print("python client: %d acknowledged in %.1f s (%d reconnects); recall of %s -> %s"
          % (len(acked), elapsed, reconnects, acked[0], hits[:3]))
    if args.acked:
        with open(args.acked, "w") as f:
            f.write("".join("%s %s\n" % (args.space, memory_id) for memory_id in acked))
    return 0 if len(acked) == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
