import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { issuesToMessage } from "../protocol/schemas";
import { RecordingStoreError } from "../recordings/recording-store-error";
import { jsonBodyRead } from "./body-read";

type Send = (res: ServerResponse, status: number, body: unknown) => void;

/**
 * What the recordings and studies APIs share: refusals as `{ok: false, error}` with a
 * sentence for the screen, a size-capped JSON body checked by a schema, 405 with the
 * allowed methods, and a handler wrapper that turns a store's refusal into its status
 * and anything else into a logged 500.
 */
export function routeKit(send: Send, opts: { bodyMaxBytes: number; tooLarge: string; log: (msg: string, err?: unknown) => void }) {
  const fail = (res: ServerResponse, status: number, error: string) => send(res, status, { ok: false, error });

  /** The body parsed by `schema`, or null once a 400 or 413 has been sent. */
  async function body<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S): Promise<z.output<S> | null> {
    const json = await jsonBodyRead(req, res, { maxBytes: opts.bodyMaxBytes, tooLarge: opts.tooLarge, send, empty: {} });
    if (!json) return null;
    const parsed = schema.safeParse(json.value);
    return parsed.success ? parsed.data : (fail(res, 400, issuesToMessage(parsed.error)), null);
  }

  const notAllowed = (res: ServerResponse, method: string, path: string, allow: string) => {
    res.setHeader("allow", allow);
    fail(res, 405, `${method} not allowed on ${path}`);
  };

  /** The route function a path prefix is handed to; `path` has no trailing slash. */
  const guarded =
    (handle: (req: IncomingMessage, res: ServerResponse, path: string, method: string, url: URL) => Promise<void> | void) =>
    (req: IncomingMessage, res: ServerResponse, path: string, method: string): void => {
      const url = new URL(req.url ?? "/", "http://local");
      void Promise.resolve()
        .then(() => handle(req, res, path, method, url))
        .catch((err: unknown) => {
          if (err instanceof RecordingStoreError) return fail(res, err.status, err.message);
          opts.log(`${method} ${path} failed`, err);
          if (!res.headersSent) fail(res, 500, "internal error");
          else res.destroy();
        });
    };

  return { fail, body, notAllowed, guarded };
}
