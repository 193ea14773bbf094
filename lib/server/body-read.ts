import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A request body, or null once it passes `maxBytes`: from then on chunks are dropped,
 * not kept, and the rest is only drained so the client can read the answer.
 */
export function bodyRead(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () => resolve(bytes <= maxBytes ? Buffer.concat(chunks) : null));
    req.on("error", reject);
  });
}

/** A URL path segment decoded, or null for a malformed escape (the client's mistake, never a reason to throw). */
export function pathSegmentDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

type Send = (res: ServerResponse, status: number, body: unknown) => void;

/**
 * A JSON request body of at most `maxBytes`, or null once a 413 or 400 has been sent.
 * A declared length over the limit is answered before reading; the body is then only
 * drained, so the client can read the answer. An empty body reads as `empty`.
 */
export async function jsonBodyRead(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { maxBytes: number; tooLarge: string; send: Send; empty?: unknown },
): Promise<{ value: unknown } | null> {
  const { maxBytes, tooLarge, send } = opts;
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    req.resume();
    send(res, 413, { ok: false, error: tooLarge });
    return null;
  }
  const raw = await bodyRead(req, maxBytes);
  if (raw === null) {
    send(res, 413, { ok: false, error: tooLarge });
    return null;
  }
  if (raw.length === 0 && "empty" in opts) return { value: opts.empty };
  try {
    return { value: JSON.parse(raw.toString("utf8")) };
  } catch (err) {
    send(res, 400, { ok: false, error: `The body is not JSON: ${(err as Error).message}` });
    return null;
  }
}
