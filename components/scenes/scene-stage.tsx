"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { useSession } from "@/components/desktop/session-context";
import { useArms } from "@/components/desktop/use-arms";
import { usePoses } from "@/components/desktop/use-poses";
import { Badge } from "@/components/ui/badge";
import type { DeviceInfo } from "@/lib/protocol/events";
import type { SceneDefinition } from "./scene-definition";
import { SceneJoinCard } from "./scene-join-card";
import { useFeedbackLatencyMarks, useSceneSnapshot, type SceneRuntime } from "./use-scene-runtime";
import { WatchFrame } from "./watch-frame";

const WristScene = dynamic(() => import("@/components/canvas/wrist-scene"), {
  ssr: false,
  loading: () => <div className="grid h-full place-items-center text-lg text-slate-400">Loading the 3D view…</div>,
});

const onResize = (cb: () => void) => {
  window.addEventListener("resize", cb);
  return () => window.removeEventListener("resize", cb);
};

const TONE_BADGE = { idle: "idle", active: "info", success: "good", alert: "warn" } as const;

export interface SceneStageProps {
  scene: SceneDefinition;
  runtime: SceneRuntime<unknown>;
  devices: readonly DeviceInfo[];
  deviceId: string | null;
  room: string;
  /** Presentation mode: everything larger, nothing else on screen. */
  large: boolean;
  /** The page offers the simulated phone (the observer view does not). */
  simHint?: boolean;
}

/** The watch screen at true proportions beside the live 3D wrist, with what to do and what the scene is doing. */
export function SceneStage({ scene, runtime, devices, deviceId, room, large, simHint }: SceneStageProps) {
  const { store } = useSession();
  const { poses, version } = usePoses();
  const device = devices.find((d) => d.id === deviceId);
  const { arms, framing } = useArms(device ? [device] : [], poses, version);
  const snapshot = useSceneSnapshot(runtime.session);
  useFeedbackLatencyMarks(runtime.session, snapshot);
  const { Screen, logic } = scene;
  const flashKey = snapshot.log[0]?.key;
  const viewportH = useSyncExternalStore(onResize, () => window.innerHeight, () => 900);
  // The watch fills most of a projector's height: the title row and the badge take the rest.
  const presentHeightPx = Math.round(Math.min(760, Math.max(300, (viewportH - 260) / 1.24)));

  return (
    <section aria-label={`${logic.title} stage`} className={`grid min-w-0 gap-5 ${large ? "flex-1 grid-cols-[auto_minmax(0,1fr)]" : "grid-cols-[auto_minmax(0,1fr)]"}`}>
      <div className="flex flex-col items-center gap-4 rounded-2xl border border-slate-700 bg-gradient-to-b from-slate-900 to-slate-950 p-5">
        <WatchFrame heightPx={large ? presentHeightPx : 330} flashKey={flashKey} label={`Watch: ${snapshot.mirror.text}`}>
          <Screen state={snapshot.state} name={snapshot.name} options={runtime.settings.options} live />
        </WatchFrame>
        <Badge data-testid="scene-state" tone={TONE_BADGE[snapshot.mirror.tone]} dot className={large ? "px-4 py-1.5 text-xl" : ""}>
          {snapshot.mirror.text}
        </Badge>
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <div className={`relative min-h-[330px] flex-1 overflow-hidden rounded-2xl border border-slate-700 bg-[#0b0f14]`}>
          {device ? (
            <WristScene poses={poses} store={store} arms={arms} framing={framing} preset="overview" presetRecall={0} />
          ) : (
            <SceneJoinCard room={room} simHint={simHint} />
          )}
        </div>
        <p className={`text-slate-300 ${large ? "text-3xl leading-snug" : "text-lg"}`}>
          <span className="font-semibold text-slate-100">Try it: </span>
          {logic.howTo}
        </p>
      </div>
    </section>
  );
}
