"use client";

import { useCallback, useEffect, useLayoutEffect, useState, useSyncExternalStore } from "react";
import { desktopNowMs } from "@/components/desktop/desktop-clock";
import type { DesktopDetectors } from "@/lib/client/desktop-detectors";
import type { DesktopPoses } from "@/lib/client/desktop-poses";
import type { DesktopSession } from "@/lib/client/desktop-session";
import { SceneDetectorsSync } from "@/lib/client/scene-detectors-sync";
import { sceneScores } from "@/lib/client/scene-inputs";
import { SceneSession, type SceneSnapshot } from "@/lib/client/scene-session";
import { SceneSettingsClient, type SaveStatus } from "@/lib/client/scene-settings-client";
import { CUE_VIBRATE_MS } from "@/lib/scenes/scene-cues";
import { sceneDefaults, sceneSettingsResolve, type ResolvedSceneSettings } from "@/lib/scenes/scene-settings-resolve";
import type { SceneLogic, SceneMirror, SceneOptionValue } from "@/lib/scenes/scene-types";
import type { SceneSettings } from "@/lib/protocol/scene-settings";
import { CueSound } from "./cue-sound";

export interface SceneFeedbackSwitches {
  sound: boolean;
  haptics: boolean;
  mirror: boolean;
}

export interface SceneRuntime<S> {
  session: SceneSession<S>;
  settings: ResolvedSceneSettings;
  /** Settings stored by another build that this one could not use, for a notice. */
  ignored: string[];
  loadError: string | null;
  saveStatus: SaveStatus;
  setOption: (key: string, value: SceneOptionValue) => void;
  resetToDefaults: () => Promise<void>;
  switches: SceneFeedbackSwitches;
  setSwitch: (key: keyof SceneFeedbackSwitches, on: boolean) => void;
  /** Call from a click: browsers play sound only after one. */
  unlockSound: () => void;
}

const toStored = (s: ResolvedSceneSettings) => ({ roles: s.roles, options: s.options });

/**
 * Binds one scene to the page: its state machine on the interaction bus and on
 * every animation frame (pose and live scores of the chosen device), its settings
 * loaded from and saved to the server (and followed when another desktop saves
 * them), and its feedback: a sound here, a vibration and the mirrored watch screen
 * on the phone that moved.
 */
export function useSceneRuntime<S>(
  logic: SceneLogic<S>,
  session: DesktopSession,
  detectors: DesktopDetectors<string>,
  poses: DesktopPoses,
  deviceId: string | null,
  /** The device is connected: a phone that comes back (a reload) gets the mirrored screen again. */
  deviceOnline: boolean,
  /**
   * A study condition's settings: used as they are, never loaded, saved or followed,
   * so running a study does not change the scene's tuned settings. Whether a page
   * passes them must not change while it is mounted.
   */
  fixed?: SceneSettings,
): SceneRuntime<S> {
  const [fixedMode] = useState(fixed !== undefined);
  const serverNowMs = useCallback(() => {
    const s = session.serverNowMs();
    return s ?? desktopNowMs();
  }, [session]);
  const [settings, setSettings] = useState<ResolvedSceneSettings>(() => sceneDefaults(logic as SceneLogic));
  const [ignored, setIgnored] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [switches, setSwitches] = useState<SceneFeedbackSwitches>({ sound: true, haptics: true, mirror: true });
  const [sound] = useState(() => new CueSound());
  const [client] = useState(() => new SceneSettingsClient(window.location.origin, logic.id));
  const saveStatus = useSyncExternalStore(client.subscribe, client.getStatus, client.getStatus);

  const [sceneSession] = useState(() => new SceneSession<S>(logic, settings.options, { nowMs: serverNowMs, perfNowMs: () => performance.now(), nextFrame: (cb) => requestAnimationFrame(cb) }));
  useEffect(() => {
    const mirrorTo = (id: string, state: string, mirror: SceneMirror) =>
      session.deviceFeedback(id, { vibrateMs: [], watch: { sceneId: logic.id, title: logic.title, state, ...mirror } });
    sceneSession.setFeedback({
      onCue: (cue) => {
        if (switches.sound) sound.play(cue);
        if (switches.haptics && deviceId) session.deviceFeedback(deviceId, { vibrateMs: [...CUE_VIBRATE_MS[cue]] });
      },
      onMirror: (mirror, state) => switches.mirror && deviceId !== null && mirrorTo(deviceId, state, mirror),
    });
    if (!deviceId || !deviceOnline || !switches.mirror) return;
    // The phone shows the scene as it is now; leaving the scene (or switching the mirror off) clears it.
    const now = sceneSession.getSnapshot();
    mirrorTo(deviceId, now.name, now.mirror);
    return () => void session.deviceFeedback(deviceId, { vibrateMs: [], watch: null });
  }, [sceneSession, session, sound, switches, deviceId, deviceOnline, logic.id, logic.title]);

  const [sync] = useState(
    () =>
      new SceneDetectorsSync(detectors, settings.roles, (roles) =>
        setSettings((s) => {
          const next = { ...s, roles };
          if (!fixedMode) client.save(toStored(next));
          return next;
        }),
      ),
  );

  const applyStored = useCallback(
    (stored: Parameters<typeof sceneSettingsResolve>[1]) => {
      const r = sceneSettingsResolve(logic as SceneLogic, stored);
      setSettings(r.settings);
      setIgnored(r.ignored);
      sync.apply(r.settings.roles);
      sceneSession.setOptions(r.settings.options);
    },
    [logic, sync, sceneSession],
  );

  // A new condition's settings: the page's state follows during this render, the detectors and the scene in the effect.
  const [shownFixed, setShownFixed] = useState<SceneSettings | undefined>(undefined);
  if (fixed !== shownFixed) {
    setShownFixed(fixed);
    if (fixed) {
      const r = sceneSettingsResolve(logic as SceneLogic, fixed);
      setSettings(r.settings);
      setIgnored(r.ignored);
    }
  }
  useEffect(() => {
    if (!fixed) return;
    const r = sceneSettingsResolve(logic as SceneLogic, fixed);
    sync.apply(r.settings.roles);
    sceneSession.setOptions(r.settings.options);
  }, [fixed, logic, sync, sceneSession]);

  useEffect(() => {
    sync.open();
    const offBus = sceneSession.listen(detectors.bus);
    if (fixedMode) {
      return () => {
        offBus();
        sync.close();
        client.dispose();
      };
    }
    let cancelled = false;
    const load = () =>
      client.load().then(
        (stored) => {
          if (cancelled) return;
          setLoadError(null);
          applyStored(stored.settings);
        },
        (e: unknown) => !cancelled && setLoadError(`Saved settings could not be loaded (${(e as Error).message}); using the defaults.`),
      );
    void load();
    // Saves announced while this page was disconnected are not replayed: read them again on reconnection.
    let connection = session.getState().connection;
    const offConnection = session.subscribe(() => {
      const next = session.getState().connection;
      if (next === "connected" && connection === "reconnecting") void load();
      connection = next;
    });
    const offRemote = session.onSceneSettings((stored) => stored.sceneId === logic.id && applyStored(stored.settings));
    return () => {
      cancelled = true;
      offConnection();
      offRemote();
      offBus();
      sync.close();
      client.dispose();
    };
  }, [sync, client, session, sceneSession, detectors, logic.id, applyStored, fixedMode]);

  // The tick: pose and scores every frame, read from the stores, never through React.
  useEffect(() => {
    let raf = 0;
    const frame = () => {
      raf = requestAnimationFrame(frame);
      const angles = deviceId ? poses.tracker(deviceId)?.angles : undefined;
      const now = serverNowMs();
      sceneSession.tick({
        nowMs: now,
        pose: angles ? { raiseDeg: angles.raiseDeg, rollDeg: angles.rollDeg, headingDeg: angles.headingDeg } : null,
        scores: sceneScores(detectors, now),
      });
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [sceneSession, detectors, poses, deviceId, serverNowMs]);


  useEffect(() => () => sound.close(), [sound]);

  const setOption = useCallback(
    (key: string, value: SceneOptionValue) =>
      setSettings((s) => {
        const next = { ...s, options: { ...s.options, [key]: value } };
        sceneSession.setOptions(next.options);
        if (!fixedMode) client.save(toStored(next));
        return next;
      }),
    [sceneSession, client, fixedMode],
  );

  const resetToDefaults = useCallback(async () => {
    try {
      applyStored((await client.reset()).settings);
    } catch (e) {
      setLoadError(`Could not reset the saved settings: ${(e as Error).message}`);
    }
  }, [client, applyStored]);

  const setSwitch = useCallback((key: keyof SceneFeedbackSwitches, on: boolean) => setSwitches((s) => ({ ...s, [key]: on })), []);
  const unlockSound = useCallback(() => sound.unlock(), [sound]);

  return { session: sceneSession, settings, ignored, loadError, saveStatus, setOption, resetToDefaults, switches, setSwitch, unlockSound };
}

/**
 * The scene's state for the parts of the page that draw it (the watch, the log):
 * only they re-render on a change, not the page's controls, charts or 3D view, which
 * is what keeps a detection's feedback within the frame it arrives in.
 */
export function useSceneSnapshot<S>(session: SceneSession<S>): SceneSnapshot<S> {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

/** Latency: the DOM shows the new state once this layout effect runs; the next frame paints it. */
export function useFeedbackLatencyMarks<S>(session: SceneSession<S>, snapshot: SceneSnapshot<S>): void {
  useLayoutEffect(() => {
    if (!snapshot.log.some((e) => e.domMs === null)) return;
    session.markRendered();
    // Not cancelled on the next render: markRendered itself causes one, and the frame must still be counted.
    requestAnimationFrame(() => session.markPainted());
  }, [snapshot, session]);
}
