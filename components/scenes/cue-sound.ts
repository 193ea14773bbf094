import { CUE_TONES } from "@/lib/scenes/scene-cues";
import type { SceneCue } from "@/lib/scenes/scene-types";

/**
 * Plays cues with Web Audio. Browsers start an AudioContext suspended until the page
 * gets a click or key press, so the context is created lazily and resumed on the
 * first user gesture; until then a cue is skipped, never queued (late sound is worse
 * than none).
 */
export class CueSound {
  private ctx: AudioContext | null = null;

  /** Call from a user gesture (the sound switch, any click) so later cues can play. */
  unlock(): void {
    if (typeof AudioContext === "undefined") return;
    this.ctx ??= new AudioContext();
    if (this.ctx.state === "suspended") void this.ctx.resume();
  }

  play(cue: SceneCue, volume = 0.2): void {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== "running") return;
    const t0 = ctx.currentTime + 0.005;
    for (const tone of CUE_TONES[cue]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = tone.frequencyHz;
      const start = t0 + tone.startMs / 1000;
      const end = start + tone.durationMs / 1000;
      // A 5 ms attack and an exponential release: no clicks at either end.
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(volume, start + 0.005);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(end + 0.02);
    }
  }

  close(): void {
    void this.ctx?.close();
    this.ctx = null;
  }
}
