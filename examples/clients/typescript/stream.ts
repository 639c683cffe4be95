// Streams observations to a detsim server at a target rate, as a user would: opens a session, sends
// --count observations at --rate a second, honours every retry-after, reconnects and resends what was
// not acknowledged when the stream breaks, then recalls. Writes the acknowledged observations to
// --acked, '<space> <id>' a line.
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { writeFileSync } from "fs";
import * as path from "path";

const PROTO = path.join(__dirname, "..", "..", "..", "..", "engine-grpc", "src", "main", "proto", "detsim_engine.proto");

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf("--" + name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** The same id always has the same embedding in every client: FNV-1a of the id seeds xorshift32. */
export function embeddingOf(memoryId: string, dim: number): number[] {
  let x = 2166136261;
  for (const byte of Buffer.from(memoryId, "utf-8")) {
    x = Math.imul(x ^ byte, 16777619) >>> 0;
  }
  x = x || 1;
  const values: number[] = [];
  for (let i = 0; i < dim; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    values.push((x / 4294967296) * 2 - 1);
  }
  return values;
}

type Answer = { frame?: any; error?: grpc.ServiceError | Error };

/** One session stream; answers are queued and awaited one at a time. */
class Session {
  private answers: Answer[] = [];
  private waiting: ((answer: Answer) => void) | null = null;
  readonly call: grpc.ClientDuplexStream<any, any>;
  id = "";
  window = 0;

  constructor(client: any, metadata: grpc.Metadata) {
    this.call = client.Session(metadata);
    this.call.on("data", (frame: any) => this.push({ frame }));
    this.call.on("error", (error: grpc.ServiceError) => this.push({ error }));
    this.call.on("end", () => this.push({ error: new Error("stream ended") }));
  }

  private push(answer: Answer) {
    if (this.waiting) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting(answer);
    } else {
      this.answers.push(answer);
    }
  }

  /** The next answer, or null after timeoutMs. */
  next(timeoutMs: number): Promise<Answer | null> {
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiting = null; resolve(null); }, Math.max(1, timeoutMs));
      this.waiting = (answer) => { clearTimeout(timer); resolve(answer); };
    });
  }

  async init(space: string): Promise<void> {
    this.call.write({ init: { space } });
    const first = await this.next(60_000);
    if (!first || first.error || !first.frame.initAck) throw first?.error ?? new Error("no InitAck");
    this.id = first.frame.initAck.sessionId;
    this.window = first.frame.initAck.window;
  }
}

async function connect(client: any, space: string, metadata: grpc.Metadata): Promise<Session> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const session = new Session(client, metadata);
    try {
      await session.init(space);
      return session;
    } catch (error) {
      session.call.cancel();
      await new Promise((r) => setTimeout(r, 200)); // the server is unreachable: try again
    }
  }
  throw new Error("could not reach the server for a minute");
}

async function main(): Promise<number> {
  const target = option("target", "127.0.0.1:50051");
  const space = option("space", "typescript-client");
  const count = Number(option("count", "10000"));
  const rate = Number(option("rate", "2000"));
  const dim = Number(option("dim", "128"));
  const ackedFile = option("acked", "");
  const metadata = new grpc.Metadata();
  const tokenFile = option("token-file", "");
  if (tokenFile) {
    metadata.set("authorization", "Bearer " + require("fs").readFileSync(tokenFile, "utf-8").split("\n")[0].trim());
  }
  const definition = protoLoader.loadSync(PROTO, { keepCase: false, longs: Number, enums: String, defaults: true });
  const Engine = (grpc.loadPackageDefinition(definition) as any).detsim.engine.v1.Engine;
  const client = new Engine(target, grpc.credentials.createInsecure());

  const ids = Array.from({ length: count }, (_, i) => `${space}-${i}`);
  const order = new Map(ids.map((id, i) => [id, i]));
  const todo = [...ids].reverse();
  const inFlight = new Map<number, string>();
  const acked: string[] = [];
  let notBefore = 0;
  let reconnects = 0;
  let session = await connect(client, space, metadata);
  console.log("typescript client: session open");
  let seq = 0;
  let sent = 0;
  const start = performance.now();
  while (todo.length > 0 || inFlight.size > 0) {
    const now = performance.now();
    let due = start + (sent * 1000) / rate;
    while (todo.length > 0 && inFlight.size < session.window && now >= due && now >= notBefore) {
      const memoryId = todo.pop()!;
      inFlight.set(++seq, memoryId);
      session.call.write({ observation: { sessionId: session.id, seq, memoryId, embedding: embeddingOf(memoryId, dim),
        content: "observation " + memoryId } });
      sent++;
      due = start + (sent * 1000) / rate;
    }
    const answer = await session.next(Math.max(1, Math.min(due, Math.max(notBefore, now)) - now));
    if (!answer) continue;
    if (answer.error) { // the stream broke: reconnect, resend what was not answered
      reconnects++;
      todo.push(...[...inFlight.values()].sort((a, b) => order.get(b)! - order.get(a)!));
      inFlight.clear();
      session = await connect(client, space, metadata);
      seq = 0;
      continue;
    }
    const ack = answer.frame.ack;
    if (!ack) continue;
    const memoryId = inFlight.get(Number(ack.seq));
    if (memoryId === undefined) continue;
    inFlight.delete(Number(ack.seq));
    if (ack.outcome === "ACCEPTED") {
      acked.push(memoryId);
    } else if (ack.reason === "OVER_CAPACITY") {
      notBefore = performance.now() + Number(ack.retryAfterMillis);
      todo.push(memoryId);
    } else {
      console.error(`refused ${memoryId}: ${ack.message}`);
      return 1;
    }
  }
  const elapsed = (performance.now() - start) / 1000;
  session.call.write({ close: {} });
  session.call.end();

  const hits: string[] = await new Promise((resolve, reject) => {
    const found: string[] = [];
    client.Recall({ space, cue: embeddingOf(acked[0], dim), k: 5 }, metadata)
      .on("data", (page: any) => page.hits.forEach((hit: any) => found.push(hit.memoryId)))
      .on("error", reject).on("end", () => resolve(found));
  });
  console.log(`typescript client: ${acked.length} acknowledged in ${elapsed.toFixed(1)} s (${reconnects} reconnects); `
    + `recall of ${acked[0]} -> ${JSON.stringify(hits.slice(0, 3))}`);
  if (ackedFile) writeFileSync(ackedFile, acked.map((id) => `${space} ${id}\n`).join(""));
  client.close();
  return acked.length === count ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => { console.error(error); process.exit(1); });
