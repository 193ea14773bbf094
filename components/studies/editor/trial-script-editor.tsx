"use client";

import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { SceneRole } from "@/lib/scenes/scene-types";
import { listMove, type DraftErrors, type TrialDraft } from "@/lib/studies/study-draft";
import { EditorSection, FieldError, IconButton, inputClass } from "./fields";

interface TrialScriptEditorProps {
  trials: TrialDraft[];
  roles: readonly SceneRole[];
  errors: DraftErrors;
  onChange: (trials: TrialDraft[]) => void;
  onAdd: () => void;
}

const TRIALS_MAX = 100;

/** The task script: the prompts every condition runs, in order, each with the role that should fire and its time limit. */
export function TrialScriptEditor({ trials, roles, errors, onChange, onAdd }: TrialScriptEditorProps) {
  const patch = (i: number, part: Partial<TrialDraft>) => onChange(trials.map((t, j) => (j === i ? { ...t, ...part } : t)));

  return (
    <EditorSection
      title={`Task script (${trials.length} trial${trials.length === 1 ? "" : "s"} per condition)`}
      aside={
        <Button size="md" data-testid="trial-add" onClick={onAdd} disabled={trials.length >= TRIALS_MAX}>
          Add trial
        </Button>
      }
    >
      <p className="text-sm text-slate-400">
        The phone shows each prompt in turn. A trial ends on the facilitator&apos;s Success or Miss key, when the role&apos;s detector fires, or at its time limit.
      </p>
      <FieldError id="trials-error" message={errors.trials} />
      <ol className="flex flex-col gap-2">
        {trials.map((t, i) => {
          const n = i + 1;
          const promptError = errors[`trials.${i}.prompt`];
          const roleError = errors[`trials.${i}.role`];
          const limitError = errors[`trials.${i}.timeLimitS`];
          const known = roles.some((r) => r.id === t.role);
          return (
            <li key={t.key} data-testid="trial-row" className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <span className="w-8 shrink-0 text-right tabular-nums text-slate-400">{n}.</span>
                <input
                  data-testid="trial-prompt"
                  aria-label={`Prompt of trial ${n}`}
                  aria-invalid={promptError !== undefined}
                  aria-describedby={promptError ? `trial-${t.key}-prompt` : undefined}
                  value={t.prompt}
                  maxLength={80}
                  placeholder="What the phone says, e.g. Answer the call"
                  onChange={(e) => patch(i, { prompt: e.target.value })}
                  className={inputClass(promptError !== undefined, "min-w-0 flex-1")}
                />
                <Select data-testid="trial-role" aria-label={`Role of trial ${n}`} value={t.role} onChange={(e) => patch(i, { role: e.target.value })} className="w-44 shrink-0">
                  {!known && <option value={t.role}>{t.role || "Choose a role"}</option>}
                  {roles.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.label}
                    </option>
                  ))}
                </Select>
                <label className="flex shrink-0 items-center gap-1.5 text-slate-300">
                  <input
                    data-testid="trial-time-limit"
                    type="number"
                    inputMode="decimal"
                    min={1}
                    max={600}
                    aria-label={`Time limit of trial ${n} in seconds`}
                    aria-invalid={limitError !== undefined}
                    aria-describedby={limitError ? `trial-${t.key}-limit` : undefined}
                    value={t.timeLimitS}
                    onChange={(e) => patch(i, { timeLimitS: e.target.value })}
                    className={inputClass(limitError !== undefined, "w-24 tabular-nums")}
                  />
                  <span aria-hidden>s</span>
                </label>
                <IconButton label={`Move trial ${n} up`} onClick={() => onChange(listMove(trials, i, -1))} disabled={i === 0}>
                  ↑
                </IconButton>
                <IconButton label={`Move trial ${n} down`} onClick={() => onChange(listMove(trials, i, 1))} disabled={i === trials.length - 1}>
                  ↓
                </IconButton>
                <IconButton label={`Remove trial ${n}`} testId="trial-remove" danger onClick={() => onChange(trials.filter((_, j) => j !== i))}>
                  ×
                </IconButton>
              </div>
              <div className="pl-10">
                <FieldError id={`trial-${t.key}-prompt`} message={promptError} />
                <FieldError id={`trial-${t.key}-role`} message={roleError} />
                <FieldError id={`trial-${t.key}-limit`} message={limitError} />
              </div>
            </li>
          );
        })}
      </ol>
    </EditorSection>
  );
}
