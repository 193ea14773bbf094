"use client";

import { Canvas, useThree } from "@react-three/fiber";
import { useEffect, useState } from "react";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import type { StreamStore } from "@/lib/stream/stream-store";
import type { ArmFraming } from "./arm-layout";
import { BODY_TO_THREE } from "./body-frame";
import { CameraRig } from "./camera-rig";
import type { CameraPreset } from "./camera-preset-names";
import { PoseArm, type ArmSpec } from "./pose-arm";
import { SCENE_BACKGROUND } from "./scene-colors";
import { SceneStage } from "./scene-stage";
import { softwareRendererDetect } from "./software-renderer";

export interface WristSceneProps {
  poses: DesktopPoses;
  store: StreamStore;
  arms: readonly ArmSpec[];
  framing: ArmFraming;
  preset: CameraPreset;
  /** See {@link CameraRig}. */
  presetRecall: number;
}

/**
 * The 3D wrist view. Rendered on demand: a frame is drawn when samples arrive (the
 * pose can only change then), while the camera glides or is dragged, and on resize;
 * an idle room costs nothing. Loaded client-only (next/dynamic, ssr: false).
 */
export default function WristScene({ poses, store, arms, framing, preset, presetRecall }: WristSceneProps) {
  const [software] = useState(softwareRendererDetect);
  const [softwareDpr, setSoftwareDpr] = useState(1);
  return (
    <Canvas
      frameloop="demand"
      shadows={software ? false : "percentage"}
      dpr={software ? softwareDpr : [1, 2]}
      camera={{ fov: 40, near: 0.02, far: 20 }}
      gl={{ antialias: !software }}
      data-renderer={software ? "software" : "gpu"}
      aria-label="3D view of the tracked forearms"
      role="img"
    >
      <color attach="background" args={[SCENE_BACKGROUND]} />
      <RenderOnSample store={store} />
      {software && <SoftwarePixelBudget onDpr={setSoftwareDpr} />}
      <group quaternion={BODY_TO_THREE}>
        <SceneStage />
        {arms.map((arm) => (
          <PoseArm key={arm.deviceId} poses={poses} arm={arm} />
        ))}
      </group>
      <CameraRig preset={preset} framing={framing} recall={presetRecall} />
    </Canvas>
  );
}

/**
 * On a software renderer a frame costs in proportion to its pixels (~0.3 MP: ~25 ms on
 * two cores): a large canvas is drawn at a lower resolution rather than starve the
 * page's charts and socket of the main thread.
 */
const SOFTWARE_PIXEL_BUDGET = 300_000;

/** Reports the pixel ratio up to the Canvas, whose `dpr` prop would override a ratio set from inside on its next render. */
function SoftwarePixelBudget({ onDpr }: { onDpr: (dpr: number) => void }) {
  const { width, height } = useThree((s) => s.size);
  useEffect(() => onDpr(Math.min(1, Math.sqrt(SOFTWARE_PIXEL_BUDGET / Math.max(1, width * height)))), [width, height, onDpr]);
  return null;
}

/** `invalidate` only asks for the next animation frame: by then the whole batch is in every tracker. */
function RenderOnSample({ store }: { store: StreamStore }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => store.onSample(() => invalidate()), [store, invalidate]);
  return null;
}
