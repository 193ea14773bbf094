"use client";

import { useCallback, useMemo, useRef, useState, type ButtonHTMLAttributes } from "react";
import { useSession } from "@/components/desktop/session-context";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cx } from "@/components/ui/cx";
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
  const [stopping, setStopping] = useState(false);
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
      {/* Two across: every label stays on one line beside its key, even in the narrow column. */}
      <div className="grid grid-cols-2 gap-2">
        <ToneButton tone="success" tall data-testid="mark-success" disabled={!verdicts} onClick={() => mark("success")}>
          <Key k="S" /> Success
        </ToneButton>
        <ToneButton tone="miss" tall data-testid="mark-miss" disabled={!verdicts} onClick={() => mark("miss")}>
          <Key k="M" /> Miss
        </ToneButton>
        <ToneButton tone="warn" data-testid="mark-false-trigger" disabled={!verdicts} onClick={() => mark("false-trigger")}>
          <Key k="F" /> False trigger
        </ToneButton>
        <Button data-testid="note-open" onClick={openNote} aria-expanded={noteOpen}>
          <Key k="N" /> Note
        </Button>
      </div>
      {noteOpen && (
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
            aria-label="Note"
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
      )}
      {live.phase !== "done" && (
        <div className="flex gap-2">
          <Button data-testid="session-toggle" className="flex-1" disabled={!canPause && !canResume} onClick={toggle}>
            <Key k="Space" /> {canResume ? (live.phase === "break" ? "Next condition" : "Resume") : "Pause"}
          </Button>
          <ToneButton tone="stop" data-testid="session-stop" onClick={() => setStopping(true)}>
            Stop session
          </ToneButton>
        </div>
      )}
      {error && (
        <p role="alert" data-testid="session-error" className="rounded-lg border border-amber-400/60 bg-amber-400/10 px-3 py-2 text-amber-100">
          {error}
        </p>
      )}
      {log.length > 0 && (
        <ol data-testid="session-log" aria-label="What you pressed, latest first" className="max-h-40 overflow-y-auto text-sm text-slate-300">
          {log.map((l) => (
            <li key={l.key}>{l.text}</li>
          ))}
        </ol>
      )}
      {stopping && live.phase !== "done" && (
        <StopDialog
          live={live}
          onClose={() => setStopping(false)}
          onStop={async () => {
            await studiesApi.stop(id);
            setLog((l) => [{ key: nextKey.current++, text: "Stopped" }, ...l].slice(0, 40));
            setStopping(false);
          }}
        />
      )}
    </section>
  );
}

/**
 * Asks before ending a session early, in the repo's dialog (the page behind is inert,
 * so the single keys rest meanwhile). A refusal from the server stays in the dialog.
 */
function StopDialog({ live, onClose, onStop }: { live: LiveStudyInfo; onClose: () => void; onStop: () => Promise<void> }) {
  const started = live.phase !== "consent";
  return (
    <ConfirmDialog
      title={`Stop ${live.participant}'s session?`}
      confirmLabel="Stop session"
      busyLabel="Stopping…"
      cancelLabel="Keep running"
      testId="session-stop-dialog"
      errorTestId="session-stop-error"
      confirmTestId="session-stop-confirm"
      onClose={onClose}
      onConfirm={onStop}
    >
      {started
        ? `Finished trials are kept; the remaining trials are not run${live.phase === "trial" ? " (the trial under way is not counted)" : ""}. The phone shows “All done”.`
        : "They have not answered the consent screen yet: nothing is recorded, and they can be asked again later."}
    </ConfirmDialog>
  );
}

const TONES = {
  success: "border-emerald-400/70 bg-emerald-400/15 text-emerald-100 hover:bg-emerald-400/25",
  miss: "border-rose-400/70 bg-rose-400/15 text-rose-100 hover:bg-rose-400/25",
  warn: "border-amber-400/70 bg-amber-400/15 text-amber-100 hover:bg-amber-400/25",
  stop: "border-red-400/70 bg-red-500/10 text-red-200 hover:bg-red-500/20",
} as const;

/**
 * The coloured buttons of the console. Button's variants set their own border and
 * background, which extra classes cannot reliably override (both land in the
 * stylesheet), so the tones get a button of their own with the same shape.
 */
function ToneButton({ tone, tall = false, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { tone: keyof typeof TONES; tall?: boolean }) {
  return (
    <button
      type="button"
      className={cx(
        "inline-flex items-center justify-center gap-2 rounded-lg border px-4 text-base font-medium whitespace-nowrap transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:opacity-50",
        tall ? "h-14" : "h-11",
        TONES[tone],
        className,
      )}
      {...rest}
    />
  );
}

function Key({ k }: { k: string }) {
  return <kbd className="mr-1 rounded border border-current/40 px-1.5 font-mono text-sm opacity-80">{k}</kbd>;
}
