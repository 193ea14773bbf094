"use client";

import { useMemo, useState } from "react";
import { SCENES, sceneFind } from "@/components/scenes/registry";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { studiesApi } from "@/lib/client/studies-api";
import type { StudyDefinition, StudyDetail } from "@/lib/protocol/studies";
import {
  CONDITIONS_MAX,
  CONDITIONS_MIN,
  conditionDraftNew,
  draftFromDefinition,
  draftNew,
  draftSceneChange,
  draftValidate,
  trialDraftNew,
  type DraftErrors,
  type StudyDraft,
} from "@/lib/studies/study-draft";
import { ActionError, errorText } from "../study-shell";
import { ConditionCard } from "./condition-card";
import { EditorSection, Field, FieldError, inputClass } from "./fields";
import { TrialScriptEditor } from "./trial-script-editor";
import { useModelDecisions } from "./use-model-decisions";

interface StudyEditorProps {
  /** Null for a new study. */
  studyId: string | null;
  initial: StudyDefinition | null;
  /** Sessions have run: the server keeps the script and conditions as they are. */
  sessionsRan?: boolean;
  onSaved: (saved: StudyDetail) => void;
  onCancel: () => void;
}

const NO_ERRORS: DraftErrors = {};

/** Writes a study: its name, scene, consent text, rest, task script and conditions, checked here before the server sees it. */
export function StudyEditor({ studyId, initial, sessionsRan = false, onSaved, onCancel }: StudyEditorProps) {
  const [draft, setDraft] = useState<StudyDraft>(() => (initial ? draftFromDefinition(initial) : draftNew(SCENES[0]!.logic)));
  // Messages appear once Save was pressed, then follow each edit, so a fixed field clears at once.
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const modelDecision = useModelDecisions();
  const logic = sceneFind(draft.sceneId)?.logic;
  const roles = logic?.roles ?? [];

  const checked = useMemo(() => draftValidate(draft), [draft]);
  const errors = tried && !checked.ok ? checked.errors : NO_ERRORS;
  const edit = (part: Partial<StudyDraft>) => setDraft((d) => ({ ...d, ...part }));

  function sceneChange(sceneId: string) {
    const to = sceneFind(sceneId)?.logic;
    if (to) setDraft((d) => draftSceneChange(d, sceneFind(d.sceneId)?.logic, to));
  }

  async function save() {
    setTried(true);
    setServerError(null);
    if (!checked.ok) {
      setServerError("Some fields need a change before the study can be saved: see the messages below.");
      return;
    }
    setSaving(true);
    try {
      onSaved(studyId ? await studiesApi.update(studyId, checked.definition) : await studiesApi.create(checked.definition));
    } catch (e) {
      // A 409 (sessions ran) already says what can still change.
      setServerError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      data-testid="study-editor"
      className="flex flex-col gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {sessionsRan && (
        <p className="rounded-lg border border-sky-500/50 bg-sky-500/10 px-4 py-3 text-sky-100">
          Sessions have run with this study, so its scene, task script and conditions stay as they are (the results must match them). The name, consent text and rest
          can still change.
        </p>
      )}

      <EditorSection title={studyId ? "Edit the study" : "New study"}>
        <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)_10rem] gap-4">
          <Field label="Name" error={errors.name} errorId="study-name-error">
            <input
              data-testid="study-name"
              value={draft.name}
              maxLength={80}
              placeholder="e.g. Raise to speak: heuristic or model"
              aria-invalid={errors.name !== undefined}
              aria-describedby={errors.name ? "study-name-error" : undefined}
              onChange={(e) => edit({ name: e.target.value })}
              className={inputClass(errors.name !== undefined)}
            />
          </Field>
          <Field label="Scene" hint={sessionsRan ? undefined : "Another scene starts the conditions from its defaults."} error={errors.sceneId} errorId="study-scene-error">
            <Select data-testid="study-scene" value={draft.sceneId} disabled={sessionsRan} onChange={(e) => sceneChange(e.target.value)}>
              {!logic && <option value={draft.sceneId}>{draft.sceneId} (not in this build)</option>}
              {SCENES.map((s) => (
                <option key={s.logic.id} value={s.logic.id}>
                  {s.logic.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Rest between trials" error={errors.restS} errorId="study-rest-error">
            <span className="flex items-center gap-1.5 text-slate-300">
              <input
                data-testid="study-rest"
                type="number"
                inputMode="decimal"
                min={0}
                max={60}
                value={draft.restS}
                aria-invalid={errors.restS !== undefined}
                aria-describedby={errors.restS ? "study-rest-error" : undefined}
                onChange={(e) => edit({ restS: e.target.value })}
                className={inputClass(errors.restS !== undefined, "w-24 tabular-nums")}
              />
              <span aria-hidden>s</span>
            </span>
          </Field>
        </div>
        <Field label="Consent text" hint="The phone shows this before anything is recorded; the participant agrees or declines there." error={errors.consentText} errorId="study-consent-error">
          <textarea
            data-testid="study-consent"
            value={draft.consentText}
            rows={3}
            maxLength={1500}
            aria-invalid={errors.consentText !== undefined}
            aria-describedby={errors.consentText ? "study-consent-error" : undefined}
            onChange={(e) => edit({ consentText: e.target.value })}
            className={inputClass(errors.consentText !== undefined, "h-auto min-h-24 py-2")}
          />
        </Field>
      </EditorSection>

      {/* Once sessions ran the server refuses changes to the script and conditions: they are disabled here rather than refused on Save. */}
      <fieldset disabled={sessionsRan} className="flex min-w-0 flex-col gap-5">
        <TrialScriptEditor trials={draft.trials} roles={roles} errors={errors} onChange={(trials) => edit({ trials })} onAdd={() => logic && edit({ trials: [...draft.trials, trialDraftNew(logic)] })} />

        <EditorSection
          title={`Conditions (${draft.conditions.length})`}
          aside={
            <Button
              data-testid="condition-add"
              disabled={!logic || draft.conditions.length >= CONDITIONS_MAX}
              onClick={() => logic && edit({ conditions: [...draft.conditions, conditionDraftNew(logic, draft.conditions)] })}
            >
              Add condition
            </Button>
          }
        >
          <p className="text-sm text-slate-400">
            Every participant does every condition ({CONDITIONS_MIN}-{CONDITIONS_MAX}), in a balanced order. A condition is the scene&apos;s settings: the detector of each role
            and its threshold.
          </p>
          <FieldError id="conditions-error" message={errors.conditions} />
          <ul className="grid grid-cols-[repeat(auto-fit,minmax(24rem,1fr))] gap-4">
            {draft.conditions.map((c, i) => (
              <ConditionCard
                key={c.key}
                condition={c}
                index={i}
                logic={logic}
                nameError={errors[`conditions.${i}.name`]}
                settingsError={errors[`conditions.${i}.settings`]}
                canRemove={draft.conditions.length > CONDITIONS_MIN}
                modelDecision={modelDecision}
                onPatch={(part) => setDraft((d) => ({ ...d, conditions: d.conditions.map((x) => (x.key === c.key ? { ...x, ...part } : x)) }))}
                onRemove={() => setDraft((d) => ({ ...d, conditions: d.conditions.filter((x) => x.key !== c.key) }))}
              />
            ))}
          </ul>
        </EditorSection>
      </fieldset>

      <ActionError message={serverError} testId="study-save-error" />
      <div className="flex flex-wrap justify-end gap-3">
        <Button variant="ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" data-testid="study-save" disabled={saving}>
          {saving ? "Saving…" : studyId ? "Save changes" : "Create the study"}
        </Button>
      </div>
    </form>
  );
}
