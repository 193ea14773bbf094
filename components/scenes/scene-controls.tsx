"use client";

import { useDetectorsStateOf } from "@/components/models/detectors-context";
import { SlotRow } from "@/components/models/slot-row";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { SceneDefinition } from "./scene-definition";
import { SceneOptionField } from "./scene-option-field";
import type { SceneRuntime } from "./use-scene-runtime";

export interface SceneControlsProps {
  scene: SceneDefinition;
  runtime: SceneRuntime<unknown>;
  detectors: DesktopDetectors<string>;
  devices: readonly DeviceInfo[];
  deviceId: string | null;
  onDevice: (id: string) => void;
}

const savedText = (s: SceneRuntime<unknown>["saveStatus"]) =>
  s.kind === "saving" ? "Saving…" : s.kind === "saved" ? "Saved on the server" : s.kind === "failed" ? `Not saved: ${s.message}` : "Settings are saved on the server";

/** The right column: each role's detector with its threshold, the scene's options, feedback switches, and saving. */
export function SceneControls({ scene, runtime, detectors, devices, deviceId, onDevice }: SceneControlsProps) {
  const state = useDetectorsStateOf(detectors);
  const { logic } = scene;
  return (
    <aside aria-label="Scene controls" className="flex min-w-0 flex-col gap-5 border-l border-slate-800 bg-slate-950/40 p-5">
      <section className="flex flex-col gap-3">
        <header className="flex items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-100">Detectors</h2>
          {devices.length > 1 && (
            <Select compact aria-label="Device the scene follows" value={deviceId ?? ""} onChange={(e) => onDevice(e.target.value)}>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          )}
        </header>
        {state.backendError && <p className="text-sm text-red-200">No TF.js backend: {state.backendError}</p>}
        {logic.roles.map((role) => (
          <div key={role.id} className="flex flex-col gap-1">
            <p className="text-sm text-slate-400">{role.description}</p>
            <SlotRow slot={role.id} label={role.label} state={state.slots[role.id]!} catalog={state.catalog} detectors={detectors} />
          </div>
        ))}
      </section>
      {logic.options.length > 0 && (
        <section className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold text-slate-100">Scene</h2>
          {logic.options.map((spec) => (
            <SceneOptionField key={spec.key} spec={spec} value={runtime.settings.options[spec.key] ?? spec.default} onChange={(v) => runtime.setOption(spec.key, v)} />
          ))}
        </section>
      )}
      <section className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold text-slate-100">Feedback</h2>
        <Switch data-testid="switch-sound" checked={runtime.switches.sound} onChange={(on) => runtime.setSwitch("sound", on)} label="Sound on this computer" className="-ml-3 self-start" />
        <Switch data-testid="switch-haptics" checked={runtime.switches.haptics} onChange={(on) => runtime.setSwitch("haptics", on)} label="Vibrate the phone" className="-ml-3 self-start" />
        <Switch data-testid="switch-mirror" checked={runtime.switches.mirror} onChange={(on) => runtime.setSwitch("mirror", on)} label="Mirror the watch on the phone" className="-ml-3 self-start" />
        <p className="text-sm text-slate-500">Phones without vibration (iPhone Safari) still mirror the watch.</p>
      </section>
      <section className="mt-auto flex flex-col gap-2 border-t border-slate-800 pt-4">
        <p data-testid="save-status" data-status={runtime.saveStatus.kind} className={`text-sm ${runtime.saveStatus.kind === "failed" ? "text-amber-200" : "text-slate-400"}`}>
          {savedText(runtime.saveStatus)}
        </p>
        {runtime.loadError && <p className="text-sm text-amber-200">{runtime.loadError}</p>}
        {runtime.ignored.length > 0 && <p className="text-sm text-amber-200">Ignored saved settings this version does not know: {runtime.ignored.join("; ")}.</p>}
        <div className="flex gap-2">
          <Button size="sm" data-testid="scene-reset" onClick={() => void runtime.resetToDefaults()}>
            Reset to defaults
          </Button>
          <Button size="sm" variant="ghost" data-testid="scene-restart" onClick={() => runtime.session.restart()}>
            Restart the scene
          </Button>
        </div>
      </section>
    </aside>
  );
}
