import type { Ack } from "../protocol/events";
import type { DevicePrompt } from "../protocol/recordings";
import { deviceIdSchema } from "../protocol/schemas";
import { motionStream } from "../sim/motion-generator";
import type { MotionName } from "../sim/motion-names";
import { PhoneLink, type LinkStatus } from "./phone-link";

/** Where the simulated phone keeps its id, so a reload reconnects as the same device. */
export const SIM_DEVICE_ID_KEY = "wristlab.simDeviceId";

/**
 * The stored id, or a new random one saved for next time. Storage may be missing or
 * refuse access (private mode, policies): the sim then still works, it just comes back
 * as a new device after a reload.
 */
export function simDeviceIdLoad(storage: Pick<Storage, "getItem" | "setItem"> | null): string {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(SIM_DEVICE_ID_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (stored !== null && deviceIdSchema.safeParse(stored).success) return stored;
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(10)), (b) => (b % 36).toString(36)).join("");
  const id = `sim-desktop-${random}`;
  try {
    storage?.setItem(SIM_DEVICE_ID_KEY, id);
  } catch {
    // Kept for this page only; see above.
  }
  return id;
}

/** About the time a person takes to tap, so the facilitator sees the session wait for consent before it starts. */
export const SIM_CONSENT_DELAY_MS = 300;

/**
 * A simulated phone has nobody to ask: this stands in for a participant who agrees to
 * a study's consent card. Feed it the link's prompts; any new prompt (the session
 * stopped, the link rejoined) cancels an answer still waiting to be sent.
 */
export class SimConsentAgreer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly onAnswered: (sessionId: string, res: Ack) => void = () => {}) {}

  prompt(link: PhoneLink, prompt: DevicePrompt | null): void {
    this.stop();
    const sessionId = prompt?.consent?.sessionId;
    if (!sessionId) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void link.consent(sessionId, true).then((res) => this.onAnswered(sessionId, res));
    }, SIM_CONSENT_DELAY_MS);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export type SimStatus = "off" | LinkStatus;

export interface DesktopSimPhoneOptions {
  deviceId: () => string;
  /** The simulated phone's clock, epoch ms (`performance.timeOrigin + performance.now()`). */
  nowMs: () => number;
  /** How often generated samples are handed to the link; ~one display frame. */
  tickMs?: number;
  rateHz?: number;
}

type MotionStream = ReturnType<typeof motionStream>;

/**
 * A phone made of the motion generator and a real {@link PhoneLink}, for demos without
 * hardware: it goes through the server like any phone, so what the room shows for it
 * (health, latency, reconnects) is what a phone would get.
 */
export class DesktopSimPhone {
  private link: PhoneLink | null = null;
  private stream: MotionStream | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private motion: MotionName = "idle";
  private statusNow: SimStatus = "off";
  private readonly listeners = new Set<() => void>();
  private readonly consent = new SimConsentAgreer((_sessionId, res) => {
    if (!res.ok) console.warn(`[wristlab] the simulated phone's consent was not taken: ${res.error.message}`);
  });

  constructor(private readonly opts: DesktopSimPhoneOptions) {}

  readonly getStatus = (): SimStatus => this.statusNow;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Connects to the server at `url` as a device of `room`; a running sim is stopped first. */
  start(room: string, url: string): void {
    this.stop();
    const link: PhoneLink = new PhoneLink({
      url,
      room,
      deviceId: this.opts.deviceId(),
      name: "Simulated phone",
      source: "sim",
      platform: "desktop",
      nowMs: this.opts.nowMs,
      onStatus: (status) => this.setStatus(status),
      // A stopped link may still deliver a late prompt; only the current one may answer.
      onPrompt: (prompt) => this.link === link && this.consent.prompt(link, prompt),
    });
    this.link = link;
    this.setStatus(link.status);
    this.restartStream();
    this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 16);
  }

  /** Switches the motion; the link (and so the device's session) stays, only the generator restarts. */
  setMotion(motion: MotionName): void {
    this.motion = motion;
    if (this.link) this.restartStream();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.consent.stop();
    this.link?.close();
    this.link = null;
    this.stream = null;
    this.setStatus("off");
  }

  private restartStream() {
    this.stream = motionStream({
      motion: this.motion,
      seconds: Infinity,
      rateHz: this.opts.rateHz ?? 60,
      seed: Math.floor(Math.random() * 2 ** 31),
      startTimeMs: this.opts.nowMs(),
    });
  }

  private tick() {
    if (!this.link || !this.stream) return;
    for (const sample of this.stream.take(this.opts.nowMs())) this.link.push(sample);
  }

  private setStatus(status: SimStatus) {
    if (status === this.statusNow) return;
    this.statusNow = status;
    for (const l of this.listeners) l();
  }
}
