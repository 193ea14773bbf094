import type { IncomingMessage, ServerResponse } from "node:http";
import { issuesToMessage } from "../protocol/schemas";
import { markAddSchema, participantAddSchema, participantIdSchema, sessionStartSchema, studyDefinitionSchema, studyEventsSchema, studyScoresSchema } from "../protocol/studies";
import { studyCsv, studyJson } from "../studies/study-export";
import { studyResults } from "../studies/study-results";
import type { StudyStore } from "../studies/study-store";
import { pathSegmentDecode } from "./body-read";
import { routeKit } from "./route-kit";
import type { StudyRunner } from "./study-runner";

export const STUDIES_PATH = "/api/studies";
export const STUDY_SESSIONS_PATH = "/api/study-sessions";
const JSON_MAX_BYTES = 256 * 1024;

export interface StudyRoutesDeps {
  studies: StudyStore;
  runner: StudyRunner;
  send: (res: ServerResponse, status: number, body: unknown) => void;
  log?: (msg: string, err?: unknown) => void;
}

type Route = (req: IncomingMessage, res: ServerResponse, id: string, rest: string[], url: URL) => Promise<void> | void;

const fileSlug = (name: string) => name.replace(/[^A-Za-z0-9 _-]+/g, "-").trim().replace(/\s+/g, "-").slice(0, 60) || "study";

/**
 * `/api/studies/...` and `/api/study-sessions/...` (docs/studies.md). Refusals are
 * `{ok: false, error}` with a sentence for the screen; store errors carry their status.
 */
export function createStudyRoutes(deps: StudyRoutesDeps) {
  const { studies, runner, send } = deps;
  const log = deps.log ?? ((msg, err) => console.error(`[studies] ${msg}`, err ?? ""));
  const { fail, body, notAllowed, guarded } = routeKit(send, { bodyMaxBytes: JSON_MAX_BYTES, tooLarge: `a request body is limited to ${JSON_MAX_BYTES / 1024} KB`, log });

  const results = (id: string) => studyResults(id, studies.definition(id), studies.sessions.load(id));

  const exportFile: Route = (_req, res, id, _rest, url) => {
    const format = url.searchParams.get("format") ?? "csv";
    if (format !== "csv" && format !== "json") return fail(res, 400, "format must be csv or json");
    const r = results(id);
    const notes = url.searchParams.get("notes") === "1";
    const text = format === "csv" ? studyCsv(r, notes) : studyJson(r, notes);
    res.writeHead(200, {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileSlug(r.study.name)}-trials.${format}"`,
      "cache-control": "no-store",
    });
    res.end(text);
  };

  const study: Record<string, Record<string, Route>> = {
    "": {
      GET: (_q, res, id) => {
        const d = studies.detail(id);
        return d ? send(res, 200, d) : fail(res, 404, `No study ${id}.`);
      },
      PUT: async (req, res, id) => {
        const p = await body(req, res, studyDefinitionSchema);
        if (p) send(res, 200, studies.update(id, p));
      },
      DELETE: (_q, res, id) => {
        if (runner.isRunning(id)) return fail(res, 409, "A session of this study is running: stop it first.");
        studies.remove(id);
        res.writeHead(204).end();
      },
    },
    participants: {
      POST: async (req, res, id) => {
        const p = await body(req, res, participantAddSchema);
        if (p) send(res, 201, studies.participantAdd(id, p.participant));
      },
      DELETE: (_q, res, id, rest) => {
        const parsed = participantIdSchema.safeParse(pathSegmentDecode(rest[0] ?? "") ?? "");
        if (!parsed.success) return fail(res, 400, issuesToMessage(parsed.error));
        if (runner.isRunning(id, parsed.data)) return fail(res, 409, `${parsed.data}'s session is running: stop it first.`);
        studies.participantRemove(id, parsed.data);
        res.writeHead(204).end();
      },
    },
    sessions: {
      POST: async (req, res, id) => {
        const p = await body(req, res, sessionStartSchema);
        if (p) send(res, 201, runner.start(id, p));
      },
    },
    results: { GET: (_q, res, id) => send(res, 200, results(id)) },
    export: { GET: exportFile },
  };

  const session: Record<string, Record<string, Route>> = {
    pause: { POST: (_q, res, id) => send(res, 200, runner.pause(id)) },
    resume: { POST: (_q, res, id) => send(res, 200, runner.resume(id)) },
    stop: { POST: (_q, res, id) => send(res, 200, runner.stop(id)) },
    marks: {
      POST: async (req, res, id) => {
        const p = await body(req, res, markAddSchema);
        if (p) send(res, 201, runner.mark(id, p.kind, p.note ?? null, p.atServerMs));
      },
    },
    scores: {
      POST: async (req, res, id) => {
        const p = await body(req, res, studyScoresSchema);
        if (!p) return;
        runner.scores(id, p.points);
        send(res, 200, { ok: true });
      },
    },
    events: {
      POST: async (req, res, id) => {
        const p = await body(req, res, studyEventsSchema);
        if (!p) return;
        runner.events(id, p.events);
        send(res, 200, { ok: true });
      },
    },
  };

  const dispatch = async (table: Record<string, Record<string, Route>>, base: string, req: IncomingMessage, res: ServerResponse, path: string, method: string, url: URL) => {
    const [rawId, sub = "", ...rest] = path.slice(base.length + 1).split("/");
    const id = pathSegmentDecode(rawId ?? "");
    const routes = id ? table[sub] : undefined;
    // Only a participant's DELETE has one more segment (the participant id).
    const extra = sub === "participants" && method === "DELETE" ? 1 : 0;
    if (!id || !routes || rest.length !== extra) return fail(res, 404, `no API at ${path}`);
    const route = routes[method];
    if (!route) return notAllowed(res, method, path, Object.keys(routes).join(", "));
    await route(req, res, id, rest, url);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string, method: string, url: URL) => {
    if (path === STUDIES_PATH) {
      if (method === "GET") return send(res, 200, { studies: studies.list() });
      if (method !== "POST") return notAllowed(res, method, path, "GET, POST");
      const p = await body(req, res, studyDefinitionSchema);
      return p ? send(res, 201, studies.create(p)) : undefined;
    }
    if (path === STUDY_SESSIONS_PATH) return fail(res, 404, `no API at ${path}`);
    if (path.startsWith(`${STUDY_SESSIONS_PATH}/`)) return dispatch(session, STUDY_SESSIONS_PATH, req, res, path, method, url);
    return dispatch(study, STUDIES_PATH, req, res, path, method, url);
  };

  /** Handles `/api/studies...` and `/api/study-sessions...`; `path` has no trailing slash. */
  return guarded(handle);
}
