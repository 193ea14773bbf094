"use client";

import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import { Vector3 } from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import type { ArmFraming } from "./arm-layout";
import type { CameraPreset } from "./camera-preset-names";
import { cameraPresetPose } from "./camera-presets";

/** Rate (1/s) of the glide to a new preset: ~0.4 s, quick but followable on a projector. */
const GLIDE_RATE = 8;
/** The first frame after an idle spell reports a long delta; a glide must not jump for it. */
const MAX_DT_S = 1 / 30;

export interface CameraRigProps {
  preset: CameraPreset;
  framing: ArmFraming;
  /** Bumped by every preset click: clicking the current preset after orbiting goes back to it. */
  recall: number;
}

/**
 * Moves the camera to the chosen preset with a short glide, and lets the user orbit by
 * dragging. Zoom and pan stay off: the wheel must keep scrolling the page, and the
 * presets frame the arms already.
 */
export function CameraRig({ preset, framing, recall }: CameraRigProps) {
  const camera = useThree((s) => s.camera);
  const domElement = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<OrbitControls | null>(null);
  const gliding = useRef(false);
  const placed = useRef(false);
  const goal = useMemo(() => ({ eye: new Vector3(), target: new Vector3() }), []);

  useEffect(() => {
    const c = new OrbitControls(camera, domElement);
    c.enableDamping = true;
    c.enableZoom = false;
    c.enablePan = false;
    c.target.copy(goal.target);
    const stopGlide = () => {
      gliding.current = false;
    };
    const redraw = () => invalidate();
    c.addEventListener("change", redraw);
    c.addEventListener("start", stopGlide);
    controls.current = c;
    return () => {
      c.removeEventListener("change", redraw);
      c.removeEventListener("start", stopGlide);
      c.dispose();
      controls.current = null;
    };
  }, [camera, domElement, invalidate, goal]);

  const { centerYM, halfSpanYM, eyeYM } = framing;
  useEffect(() => {
    cameraPresetPose(preset, { centerYM, halfSpanYM, eyeYM }, goal.eye, goal.target);
    if (placed.current) {
      gliding.current = true;
    } else {
      camera.position.copy(goal.eye);
      controls.current?.target.copy(goal.target);
      camera.lookAt(goal.target);
      placed.current = true;
    }
    invalidate();
  }, [preset, recall, centerYM, halfSpanYM, eyeYM, camera, goal, invalidate]);

  useFrame((_, dt) => {
    const c = controls.current;
    if (!c) return;
    if (gliding.current) {
      const k = 1 - Math.exp(-Math.min(dt, MAX_DT_S) * GLIDE_RATE);
      camera.position.lerp(goal.eye, k);
      c.target.lerp(goal.target, k);
      if (camera.position.distanceToSquared(goal.eye) < 1e-7 && c.target.distanceToSquared(goal.target) < 1e-7) gliding.current = false;
      invalidate();
    }
    c.update();
  });

  return null;
}
