"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SceneSettingsClient } from "@/lib/client/scene-settings-client";
import type { DecisionSettings } from "@/lib/models/detector";
import type { SceneSettings } from "@/lib/protocol/scene-settings";
import type { SceneLogic } from "@/lib/scenes/scene-types";
import {
  choiceSummary,
  detectorDecision,
  roleThreshold,
  roleThresholdSet,
  sceneOptionsText,
  sceneSettingsFromStored,
  type ConditionDraft,
} from "@/lib/studies/study-draft";
import { dateText, errorText } from "../study-shell";
import { FieldError, IconButton, inputClass } from "./fields";
import { ThresholdField } from "./threshold-field";

interface ConditionCardProps {
  condition: ConditionDraft;
  index: number;
  /** Undefined when the study's scene is not in this build: its settings are shown by role id and kept as they are. */
  logic: SceneLogic | undefined;
  nameError: string | undefined;
  settingsError: string | undefined;
  canRemove: boolean;
  modelDecision: (id: string, pinned: number | null) => DecisionSettings | null;
  /** Merged into the condition as it is then: a settings read that returns late does not undo a name typed meanwhile. */
  onPatch: (part: Partial<ConditionDraft>) => void;
  onRemove: () => void;
}

/** One condition: its name and the scene settings it runs, with each role's detector and threshold. */
export function ConditionCard({ condition: c, index, logic, nameError, settingsError, canRemove, modelDecision, onPatch, onRemove }: ConditionCardProps) {
  const [loading, setLoading] = useState(false);
  /** Said about the settings it loaded; any later change to them (a threshold, another scene) makes it stale. */
  const [note, setNote] = useState<{ settings: SceneSettings; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const roleIds = logic ? logic.roles.map((r) => r.id) : Object.keys(c.settings.roles);

  async function loadSceneSettings() {
    if (!logic) return;
    setLoading(true);
    setLoadError(null);
    try {
      const stored = await new SceneSettingsClient(window.location.origin, logic.id).load();
      const { settings, ignored } = sceneSettingsFromStored(logic, stored);
      onPatch({ settings });
      const from = stored.settings && stored.updatedAtMs !== null ? `the settings saved on the scene page (${dateText(stored.updatedAtMs)})` : "the scene's defaults (none saved)";
      setNote({ settings, text: `Now ${from}.${ignored.length > 0 ? ` Left out: ${ignored.join("; ")}.` : ""}` });
    } catch (e) {
      setLoadError(`The scene's settings could not be read: ${errorText(e)}`);
    } finally {
      setLoading(false);
    }
  }

  function thresholdSet(roleId: string, thresholdProb: number) {
    const role = c.settings.roles[roleId];
    if (!role) return;
    const next = roleThresholdSet(role, thresholdProb, detectorDecision(role.choice, modelDecision));
    onPatch({ settings: { ...c.settings, roles: { ...c.settings.roles, [roleId]: next } } });
  }

  const n = index + 1;
  return (
    <li data-testid="condition-card" data-condition-index={index} className="flex flex-col gap-3 rounded-xl border border-slate-700 bg-slate-950/40 p-4">
      <div className="flex items-start gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <input
            data-testid="condition-name"
            aria-label={`Name of condition ${n}`}
            aria-invalid={nameError !== undefined}
            aria-describedby={nameError ? `condition-${c.key}-name` : undefined}
            value={c.name}
            maxLength={40}
            onChange={(e) => onPatch({ name: e.target.value })}
            className={inputClass(nameError !== undefined, "w-full font-semibold")}
          />
          <FieldError id={`condition-${c.key}-name`} message={nameError} />
        </div>
        <IconButton label={`Remove condition ${n}`} testId="condition-remove" danger disabled={!canRemove} onClick={onRemove}>
          ×
        </IconButton>
      </div>

      <ul className="flex flex-col gap-2">
        {roleIds.map((roleId) => {
          const role = c.settings.roles[roleId];
          const label = logic?.roles.find((r) => r.id === roleId)?.label ?? roleId;
          const own = role ? detectorDecision(role.choice, modelDecision) : null;
          return (
            <li key={roleId} data-testid="condition-role" data-role={roleId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
              <span className="min-w-0 text-base break-words text-slate-200">
                <span className="font-semibold text-slate-50">{label}:</span> {role ? choiceSummary(role.choice) : "not set"}
                {role && role.decision === null && <span className="text-sm text-slate-400"> · its own decision</span>}
              </span>
              {role?.choice && (
                <ThresholdField
                  value={roleThreshold(role, own)}
                  label={`Decision threshold of ${label} in condition ${n}`}
                  testId="condition-threshold"
                  onChange={(v) => thresholdSet(roleId, v)}
                />
              )}
            </li>
          );
        })}
      </ul>
      {logic && logic.options.length > 0 && <p className="text-sm text-slate-400">{sceneOptionsText(logic, c.settings)}</p>}
      <FieldError id={`condition-${c.key}-settings`} message={settingsError} />

      <div className="flex flex-col gap-1">
        <Button data-testid="condition-use-scene-settings" className="self-start" disabled={!logic || loading} onClick={() => void loadSceneSettings()}>
          {loading ? "Reading…" : "Use the scene's current settings"}
        </Button>
        {note?.settings === c.settings && <p className="text-sm text-slate-300">{note.text}</p>}
        {loadError && (
          <p role="alert" className="text-sm text-amber-200">
            {loadError}
          </p>
        )}
      </div>
    </li>
  );
}
