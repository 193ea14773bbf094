import type { IncomingMessage } from "node:http";

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
