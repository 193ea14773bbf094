"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useSession } from "@/components/desktop/session-context";
import { Button } from "@/components/ui/button";
import { studiesApi } from "@/lib/client/studies-api";
import type { LiveStudyInfo, MarkKind } from "@/lib/protocol/studies";
import { useStudyKeys } from "./use-study-keys";

const MARK_TEXT: Record<MarkKind, string> = { success: "Success", miss: "Miss", "false-trigger": "False trigger", note: "Note" };

interface LogLine {
  key: number;
  text: string;
}

/**
 * The facilitator's controls for a running session: a verdict per trial with single
 * keys (S success, M miss, F false trigger), a free note (N), pause / resume /
 * continue (Space) and stop. Each press says what it did, so a wrong key is seen.
 */
export function SessionControls({ live }: { live: LiveStudyInfo }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [log, setLog] = useState<LogLine[]>([]);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState("");
  const noteRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const id = live.sessionId;
  const running = live.phase !== "consent" && live.phase !== "done";
  const canPause = ["lead-in", "trial", "rest"].includes(live.phase);
  const canResume = live.phase === "paused" || live.phase === "break";

  const act = useCallback(
    async (what: string, call: () => Promise<unknown>) => {
      try {
        await call();
        setError(null);
        setLog((l) => [{ key: nextKey.current++, text: what }, ...l].slice(0, 40));
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [],
  );

  const mark = useCallback(
    (kind: MarkKind, text?: string) => {
      const atServerMs = session.serverNowMs() ?? undefined;
      const seq = live.trial?.seq;
      void act(`${MARK_TEXT[kind]}${seq ? ` · trial ${seq}` : ""}${text ? `: ${text}` : ""}`, () => studiesApi.mark(id, { kind, note: text, atServerMs }));
    },
    [act, id, live.trial?.seq, session],
  );

  const toggle = useCallback(() => {
    if (canPause) void act("Paused", () => studiesApi.pause(id));
    else if (canResume) void act(live.phase === "break" ? "Next condition" : "Resumed", () => studiesApi.resume(id));
  }, [act, canPause, canResume, id, live.phase]);

  const openNote = useCallback(() => {
    setNoteOpen(true);
    requestAnimationFrame(() => noteRef.current?.focus());
  }, []);

  const keys = useMemo(
    () => ({ success: () => mark("success"), miss: () => mark("miss"), falseTrigger: () => mark("false-trigger"), note: openNote, toggle }),
    [mark, openNote, toggle],
  );
  useStudyKeys(running || live.phase === "done", keys);

  const saveNote = () => {
    if (note.trim() === "") return;
    mark("note", note.trim());
    setNote("");
    setNoteOpen(false);
  };

  const verdicts = live.trial !== null;
  return (
    <section aria-label="Marks" data-testid="session-controls" className="flex flex-col gap-3">
      <div className="grid grid-cols-3 gap-2">
        <Button data-testid="mark-success" disabled={!verdicts} onClick={() => mark("success")} className="h-14 border-emerald-400/70 bg-emerald-400/15 text-emerald-100">
          <Key k="S" /> Success
        </Button>
        <Button data-testid="mark-miss" disabled={!verdicts} onClick={() => mark("miss")} className="h-14 border-rose-400/70 bg-rose-400/15 text-rose-100">
          <Key k="M" /> Miss
        </Button>
        <Button data-testid="mark-false-trigger" disabled={!verdicts} onClick={() => mark("false-trigger")} className="h-14 border-amber-400/70 bg-amber-400/15 text-amber-100">
          <Key k="F" /> False trigger
        </Button>
      </div>
      {noteOpen ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            saveNote();
          }}
        >
          <input
            ref={noteRef}
            data-testid="note-input"
            className="h-11 min-w-0 flex-1 rounded-lg border border-slate-600 bg-slate-950 px-3 text-slate-100"
            value={note}
            maxLength={500}
            placeholder="What you observed (no names)"
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setNoteOpen(false)}
          />
          <Button type="submit" data-testid="note-save">
            Save
          </Button>
        </form>
      ) : (
        <Button data-testid="note-open" onClick={openNote}>
          <Key k="N" /> Note
        </Button>
      )}
      {live.phase !== "done" && (
        <div className="flex gap-2">
          <Button data-testid="session-toggle" className="flex-1" disabled={!canPause && !canResume} onClick={toggle}>
            <Key k="Space" /> {canResume ? (live.phase === "break" ? "Next condition" : "Resume") : "Pause"}
          </Button>
          <Button data-testid="session-stop" variant="danger" onClick={() => confirm("Stop this session? Finished trials are kept; the rest are not run.") && void act("Stopped", () => studiesApi.stop(id))}>
            Stop session
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" data-testid="session-error" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-amber-100">
          {error}
        </p>
      )}
      {log.length > 0 && (
        <ol data-testid="session-log" className="max-h-40 overflow-y-auto text-sm text-slate-300">
          {log.map((l) => (
            <li key={l.key}>{l.text}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Key({ k }: { k: string }) {
  return <kbd className="mr-1 rounded border border-current/40 px-1.5 font-mono text-sm opacity-80">{k}</kbd>;
}
