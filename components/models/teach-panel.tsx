"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useSession } from "@/components/desktop/session-context";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import { modelUpload } from "@/lib/client/model-upload";
import { recordingDurationMs } from "@/lib/data/motion-recording";
import { TeachCapture, type ClipKind, type TeachClip } from "@/lib/client/teach-capture";
import { modelFilesToDropped } from "@/lib/client/model-files-upload";
import { TEACH_MIN_EXAMPLES } from "@/lib/training/teach";
import type { TeachWorkerReply, TeachWorkerRequest } from "@/lib/training/teach-protocol";

const CLIP_MS: Record<ClipKind, number> = { example: 2_000, other: 15_000 };
const BACKEND_ORDER = ["webgl", "wasm", "cpu"] as const;

type Phase =
  | { kind: "idle" }
  | { kind: "recording"; clip: ClipKind }
  | { kind: "training"; text: string }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

/**
 * Teach a gesture: record a few examples and some other motion from the live phone,
 * train in a worker, and run the result at once in slot A. The checkpoint is saved
 * on the server (user models folder) like a dropped folder, so every screen has it.
 */
export function TeachPanel({ detectors }: { detectors: DesktopDetectors }) {
  const { store } = useSession();
  const [name, setName] = useState("wave");
  const [clips, setClips] = useState<TeachClip[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const nameRef = useRef(name);
  useEffect(() => {
    nameRef.current = name;
  }, [name]);
  const captureRef = useRef<TeachCapture | null>(null);

  useEffect(() => {
    const capture = new TeachCapture(store, () => nameRef.current);
    captureRef.current = capture;
    return () => capture.close();
  }, [store]);

  const deviceId = detectors.getState().deviceId;
  const examples = clips.filter((c) => c.kind === "example");
  const otherS = clips.filter((c) => c.kind === "other").reduce((s, c) => s + recordingDurationMs(c.recording), 0) / 1000;
  const busy = phase.kind === "recording" || phase.kind === "training";

  const record = (clip: ClipKind) => {
    const capture = captureRef.current;
    if (!capture || !deviceId) return;
    capture.start(clip, deviceId);
    setPhase({ kind: "recording", clip });
    setTimeout(() => {
      const taken = capture.stop();
      if (taken) setClips((c) => [...c, taken]);
      setPhase(taken ? { kind: "idle" } : { kind: "error", text: "No samples arrived while recording: is the phone streaming?" });
    }, CLIP_MS[clip]);
  };

  const train = () => {
    setPhase({ kind: "training", text: "Starting…" });
    const worker = new Worker(new URL("./teach-worker.ts", import.meta.url), { type: "module", name: "wristlab-teach" });
    const finish = (p: Phase) => {
      worker.terminate();
      setPhase(p);
    };
    worker.onerror = (e) => finish({ kind: "error", text: `The training worker stopped: ${e.message}` });
    worker.onmessage = async (ev: MessageEvent<TeachWorkerReply>) => {
      const r = ev.data;
      if (r.type === "started") setPhase({ kind: "training", text: `Training on ${r.backend}…` });
      else if (r.type === "progress") {
        const p = r.progress;
        setPhase({ kind: "training", text: `Epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(3)} · validation event F1 ${p.val.eventF1.toFixed(2)}` });
      } else if (r.type === "error") finish({ kind: "error", text: r.message });
      else {
        worker.terminate();
        const up = await modelUpload(window.location.origin, modelFilesToDropped(r.files));
        if (!up.ok) return setPhase({ kind: "error", text: up.errors.join("\n") });
        await detectors.refreshCatalog();
        detectors.choose("A", { kind: "model", id: up.id, pinned: null });
        const f1 = r.valEventF1 === null ? "" : `, validation event F1 ${r.valEventF1.toFixed(2)}`;
        setPhase({ kind: "done", text: `Trained in ${r.seconds.toFixed(1)} s (${r.epochs} epochs${f1}). Running as ${up.id} v${up.version} in A and saved in the user models folder.` });
      }
    };
    const req: TeachWorkerRequest = {
      type: "train",
      name,
      examples: examples.map((c) => c.recording),
      others: clips.filter((c) => c.kind === "other").map((c) => c.recording),
      backendOrder: BACKEND_ORDER,
      wasmPath: new URL("/tfjs-wasm/", window.location.origin).href,
    };
    worker.postMessage(req);
  };

  return (
    <details data-testid="teach-panel" data-phase={phase.kind} className="rounded-xl border border-slate-800 bg-slate-950/40 p-3 text-sm text-slate-300">
      <summary className="cursor-pointer select-none font-semibold text-slate-200">Teach a gesture</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-slate-400">
          Record {TEACH_MIN_EXAMPLES}-10 examples of a new gesture (2 s each; do it once per recording) and 15 s or more of anything else, then train. It runs in A at once.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2">
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={busy}
              aria-label="Gesture name"
              className="h-9 w-40 rounded-lg border border-slate-600 bg-slate-800 px-3 text-slate-100"
            />
          </label>
          <Button size="sm" disabled={busy || !deviceId} onClick={() => record("example")} data-testid="teach-record-example">
            Record example
          </Button>
          <Button size="sm" disabled={busy || !deviceId} onClick={() => record("other")} data-testid="teach-record-other">
            Record other motion (15 s)
          </Button>
          <Button
            size="sm"
            variant="primary"
            disabled={busy || examples.length < TEACH_MIN_EXAMPLES || otherS === 0}
            onClick={train}
            data-testid="teach-train"
          >
            Train and try it
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-testid="teach-clips" data-examples={examples.length}>
          <span>
            {examples.length} example{examples.length === 1 ? "" : "s"} · {otherS.toFixed(0)} s of other motion
          </span>
          {clips.map((c) => (
            <button
              key={c.id}
              type="button"
              disabled={busy}
              onClick={() => setClips((all) => all.filter((x) => x !== c))}
              title="Remove this clip"
              className={c.kind === "example" ? "rounded-full bg-sky-500/20 px-2 text-sky-100" : "rounded-full bg-slate-700 px-2 text-slate-200"}
            >
              {c.kind === "example" ? "example" : "other"} {c.id} ✕
            </button>
          ))}
        </div>
        {phase.kind !== "idle" && (
          <p
            role={phase.kind === "error" ? "alert" : "status"}
            data-testid="teach-status"
            className={phase.kind === "error" ? "whitespace-pre-wrap text-red-200" : phase.kind === "done" ? "text-emerald-200" : "text-sky-200"}
          >
            {phase.kind === "recording" ? (phase.clip === "example" ? "Recording an example: do the gesture now…" : "Recording other motion: move naturally, anything but the gesture…") : phase.text}
          </p>
        )}
      </div>
    </details>
  );
}
