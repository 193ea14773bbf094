import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Server } from "socket.io";
import { startAppServer } from "../lib/server/app-server";

/**
 * The server side of `npm run bench`, in its own process so its CPU is measured
 * alone. `wristlab` is the real app server; `bare` is the floor: a socket.io relay
 * that forwards the same events with no validation, dedup or health.
 */
const kind = process.argv[2];
const send = (msg: object) => process.send?.(msg);

async function startBare(): Promise<number> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 * 1024 });
  io.on("connection", (socket) => {
    let room = "";
    let deviceId = "";
    let session = "";
    socket.on("clock:ping", (_p, ack) => ack?.({ ok: true, serverTimeMs: Date.now() }));
    socket.on("room:watch", (p: { room: string }, ack) => {
      void socket.join(`view:${p.room}`);
      ack?.({ ok: true, room: { code: p.room, createdAtMs: 0, viewers: [], devices: [] }, viewerId: socket.id });
    });
    socket.on("device:hello", (p: { room: string; deviceId: string; session: string; name: string }, ack) => {
      room = p.room;
      deviceId = p.deviceId;
      session = p.session;
      ack?.({ ok: true, nextSeq: null, name: p.name, serverTimeMs: Date.now() });
    });
    socket.on("sensor:batch", (p: { seq: number; samples: unknown[] }, ack) => {
      io.to(`view:${room}`).emit("stream:batch", { deviceId, session, seq: p.seq, samples: p.samples, clockOffsetMs: 0, receivedAtMs: Date.now() });
      ack?.({ ok: true, nextSeq: p.seq + p.samples.length });
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  return (http.address() as AddressInfo).port;
}

async function startWristlab(): Promise<{ port: number; room: () => string }> {
  const server = await startAppServer({
    port: 0,
    httpsPort: null,
    host: "127.0.0.1",
    // The recording bench measures the database this leaves in its data dir.
    dataDir: process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), "wristlab-bench-")),
    version: "bench",
  });
  return { port: Number(new URL(server.httpUrl).port), room: () => server.hub.roomCreate().code };
}

if (kind === "bare") {
  const port = await startBare();
  send({ type: "ready", port, room: "BENCH2" });
} else if (kind === "wristlab") {
  const { port, room } = await startWristlab();
  send({ type: "ready", port, room: room() });
} else {
  console.error("usage: bench-relay-server.ts wristlab|bare");
  process.exit(2);
}

process.on("message", (msg: { type: string }) => {
  if (msg.type === "cpu") send({ type: "cpu", usage: process.cpuUsage(), atMs: performance.now() });
  if (msg.type === "exit") process.exit(0);
});
