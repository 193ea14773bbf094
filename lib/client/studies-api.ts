import type {
  LiveStudyInfo,
  MarkAdd,
  ParticipantInfo,
  StudyDefinitionIn,
  StudyDetail,
  StudyEvent,
  StudyScorePoint,
  StudyResults,
  StudySummary,
} from "../protocol/studies";
import { call, json } from "./recordings-api";

/**
 * The studies HTTP API (docs/studies.md) for screens. Errors are the recordings
 * client's {@link RecordingsApiError} with the server's sentence, shown as is.
 */

const BASE = "/api/studies";
const studyPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const sessionPath = (id: string) => `/api/study-sessions/${encodeURIComponent(id)}`;

export const studiesApi = {
  list: () => call<{ studies: StudySummary[] }>(BASE).then((r) => r.studies),
  get: (id: string) => call<StudyDetail>(studyPath(id)),
  create: (definition: StudyDefinitionIn) => call<StudyDetail>(BASE, json("POST", definition)),
  /** Refused (409) for the script and conditions once a session has run: results would no longer match. */
  update: (id: string, definition: StudyDefinitionIn) => call<StudyDetail>(studyPath(id), json("PUT", definition)),
  remove: (id: string) => call<void>(studyPath(id), { method: "DELETE" }),
  /** Without an id the next free one (P01, P02, ...). */
  participantAdd: (id: string, participant?: string) => call<ParticipantInfo>(`${studyPath(id)}/participants`, json("POST", participant ? { participant } : {})),
  /** The participant, their sessions, marks and recordings (samples overwritten in the file). */
  participantRemove: (id: string, participant: string) => call<void>(`${studyPath(id)}/participants/${encodeURIComponent(participant)}`, { method: "DELETE" }),
  sessionStart: (id: string, req: { participant: string; room: string; deviceId: string }) => call<LiveStudyInfo>(`${studyPath(id)}/sessions`, json("POST", req)),
  results: (id: string) => call<StudyResults>(`${studyPath(id)}/results`),
  /** Trials without identifying fields; notes only when asked for (free text may name someone). */
  exportUrl: (id: string, format: "csv" | "json", notes = false) => `${studyPath(id)}/export?format=${format}${notes ? "&notes=1" : ""}`,
  pause: (sessionId: string) => call<LiveStudyInfo>(`${sessionPath(sessionId)}/pause`, { method: "POST" }),
  resume: (sessionId: string) => call<LiveStudyInfo>(`${sessionPath(sessionId)}/resume`, { method: "POST" }),
  stop: (sessionId: string) => call<LiveStudyInfo>(`${sessionPath(sessionId)}/stop`, { method: "POST" }),
  mark: (sessionId: string, mark: MarkAdd) => call<LiveStudyInfo>(`${sessionPath(sessionId)}/marks`, json("POST", mark)),
  scores: (sessionId: string, points: StudyScorePoint[]) => call<{ ok: true }>(`${sessionPath(sessionId)}/scores`, json("POST", { points })),
  events: (sessionId: string, events: StudyEvent[]) => call<{ ok: true }>(`${sessionPath(sessionId)}/events`, json("POST", { events })),
};
