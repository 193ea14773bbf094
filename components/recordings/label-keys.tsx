"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LABEL_SET_MAX } from "@/lib/protocol/recordings";
import { labelProblem } from "./recording-protocol-text";

interface LabelKeysProps {
  labels: readonly string[];
  onChange: (labels: string[]) => void;
}

/** The label set as chips showing the key (1-9) each label is pressed with while recording. */
export function LabelKeys({ labels, onChange }: LabelKeysProps) {
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const full = labels.length >= LABEL_SET_MAX;

  function add() {
    const why = labelProblem(draft, labels);
    setProblem(why);
    if (why) return;
    onChange([...labels, draft.trim()]);
    setDraft("");
  }

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-sm font-semibold text-slate-300">Labels (keys 1-{LABEL_SET_MAX})</legend>
      <ul data-testid="label-set" className="flex flex-wrap gap-2">
        {labels.map((label, i) => (
          <li key={label} data-testid="label-chip" data-label={label} className="flex h-9 items-center gap-2 rounded-full border border-slate-600 bg-slate-800 pr-1 pl-1 text-sm text-slate-100">
            <kbd className="grid size-7 place-items-center rounded-full bg-slate-950 font-mono text-sm font-bold text-sky-300">{i + 1}</kbd>
            {label}
            <button
              type="button"
              aria-label={`Remove label ${label}`}
              onClick={() => onChange(labels.filter((l) => l !== label))}
              className="grid size-7 place-items-center rounded-full text-lg text-slate-400 hover:bg-slate-700 hover:text-slate-100"
            >
              ×
            </button>
          </li>
        ))}
        {labels.length === 0 && <li className="text-sm text-slate-500">No labels: the recording is stored without live labels.</li>}
      </ul>
      {!full && (
        <div className="flex gap-2">
          <input
            data-testid="label-add-input"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            placeholder="New label, e.g. raise-to-speak"
            aria-label="New label"
            className="h-11 min-w-0 flex-1 rounded-lg border border-slate-600 bg-slate-800 px-3 text-base text-slate-100 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-sky-300"
          />
          <Button data-testid="label-add" onClick={add} disabled={draft.trim() === ""}>
            Add
          </Button>
        </div>
      )}
      {problem && <p className="text-sm text-amber-200">{problem}</p>}
    </fieldset>
  );
}
