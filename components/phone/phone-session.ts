import { PhoneLink } from "@/lib/client/phone-link";
import { motionAccessRequest, type PermissionGate } from "@/lib/phone/motion-access";
import { MotionSession } from "@/lib/phone/motion-session";
import type { PhonePlatform } from "@/lib/phone/platform";
import type { PhoneStatusInput } from "@/lib/phone/phone-status";
import type { PhoneFeedback, WatchMirror } from "@/lib/protocol/device-feedback";
import type { Ack } from "@/lib/protocol/events";
import type { DevicePrompt } from "@/lib/protocol/recordings";
import { ScreenWakeLock, type WakeLockState } from "./wake-lock";

export interface PhoneSessionSnapshot extends PhoneStatusInput {
  /** Samples in the last second. */
  rateHz: number;
  /** A sample arrived within the last LIVE_MS. */
  live: boolean;
  wakeLock: WakeLockState | null;
  /** The desktop scene's watch screen to mirror; null when no scene mirrors one. */
  watch: WatchMirror | null;
  /** A prompted protocol's or a study's instruction for now (a study's consent card too); null when there is none. */
  prompt: DevicePrompt | null;
}

export interface PhoneSessionStart {
  room: string;
  deviceId: string;
  name: string;
  platform: PhonePlatform;
}

const IDLE: PhoneSessionSnapshot = {
  running: false,
  access: null,
  verdict: null,
  link: null,
  linkDetail: null,
  pending: 0,
  rateHz: 0,
  live: false,
  wakeLock: null,
  watch: null,
  prompt: null,
};

const TICK_MS = 250;
const LIVE_MS = 300;
const RENAME_DEBOUNCE_MS = 400;
/** On Stop, how long to wait for the server to acknowledge what is still buffered. */
const STOP_DRAIN_MS = 1500;
/**
 * How far past its end (on the phone's estimate of server time) a prompt may still show.
 * The server's next step or clear normally arrives about on time; the margin covers clock
 * estimate error. Past it, that message was lost: one sent while the link was already
 * dead but not yet noticed as such never arrives, and only a new join would end the prompt.
 */
const PROMPT_GRACE_MS = 2000;

const nowEpochMs = () => performance.timeOrigin + performance.now();

/** The one part of `navigator` haptics need; iOS Safari (and Firefox) do not have it. */
export interface VibrateApi {
  vibrate?: (pattern: number[]) => boolean;
}

/**
 * Buzzes the phone where the browser can, and reports whether it accepted the pattern.
 * Never throws: no API (iOS Safari), a refusal (Chrome wants a tap on the page first,
 * which Start was) or a throwing implementation all just mean no buzz.
 */
export function phoneVibrate(pattern: readonly number[], nav: VibrateApi | undefined = globalThis.navigator): boolean {
  if (pattern.length === 0 || typeof nav?.vibrate !== "function") return false;
  try {
    return nav.vibrate([...pattern]);
  } catch {
    return false;
  }
}

/**
 * The phone page's engine room, outside React: sensors -> PhoneLink, the wake lock,
 * and a snapshot for the UI (useSyncExternalStore) that changes at most every 250 ms,
 * never per sample.
 */
export class PhoneSession {
  private snap: PhoneSessionSnapshot = IDLE;
  private readonly listeners = new Set<() => void>();
  private readonly wake = new ScreenWakeLock((wakeLock) => this.update({ wakeLock }));
  private motion: MotionSession | null = null;
  private link: PhoneLink | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private renameTimer: ReturnType<typeof setTimeout> | null = null;
  private renameTo: string | null = null;
  /** Bumped by every start and stop, so a late permission answer from an old run is ignored. */
  private run = 0;

  constructor(private readonly onRenamed: (name: string) => void) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PhoneSessionSnapshot => this.snap;

  /** Must run synchronously inside the Start tap: see motionAccessRequest. */
  start(opts: PhoneSessionStart) {
    if (this.snap.running) return;
    const access = motionAccessRequest({
      isSecureContext: window.isSecureContext,
      motion: typeof DeviceMotionEvent === "undefined" ? undefined : (DeviceMotionEvent as PermissionGate),
      orientation: typeof DeviceOrientationEvent === "undefined" ? undefined : (DeviceOrientationEvent as PermissionGate),
    });
    const run = ++this.run;
    this.update({ ...IDLE, running: true, access: "pending" });
    // Inside the tap too (some browsers want a gesture); it may answer synchronously, so after the reset above.
    this.wake.acquire();
    void access.then((result) => {
      if (run !== this.run) return;
      if (result !== "granted") {
        this.wake.release();
        this.update({ ...IDLE, access: result });
        return;
      }
      const link: PhoneLink = new PhoneLink({
        url: window.location.origin,
        room: opts.room,
        deviceId: opts.deviceId,
        name: opts.name,
        source: "phone",
        platform: opts.platform,
        nowMs: nowEpochMs,
        // A stopped link still reports its closing; only the current one may change the page.
        onStatus: (status, detail) => this.link === link && this.update({ link: status, linkDetail: detail ?? null }),
        onError: (e) => console.warn(`[wristlab] server refused ${e.event ?? "a message"}: ${e.message}`),
        onRenamed: (name) => this.link === link && this.onRenamed(name),
        onFeedback: (feedback) => this.link === link && this.feedback(feedback),
        onPrompt: (prompt) => this.link === link && this.update({ prompt }),
      });
      this.link = link;
      this.motion = new MotionSession({
        source: window,
        platform: opts.platform,
        timeOriginMs: performance.timeOrigin,
        nowMs: () => performance.now(),
        onSample: (sample) => this.link?.push(sample),
        onVerdict: (verdict) => this.update({ verdict }),
      });
      this.motion.start();
      this.ticker = setInterval(() => this.tick(), TICK_MS);
      this.update({ access: "granted", link: link.status });
    });
  }

  stop() {
    if (!this.snap.running && !this.link) return;
    this.run++;
    this.motion?.stop();
    this.motion = null;
    this.wake.release();
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    this.flushRename();
    const link = this.link;
    this.link = null;
    if (link) void link.drain(STOP_DRAIN_MS).finally(() => link.close());
    this.update(IDLE);
  }

  /**
   * A desktop scene's feedback: buzz now, and show, replace or (with `watch: null`)
   * hide the mirrored watch screen; an absent `watch` leaves the screen as it is.
   * Neither touches the sensors or the link, so streaming goes on undisturbed.
   */
  feedback(feedback: PhoneFeedback) {
    phoneVibrate(feedback.vibrateMs);
    if (feedback.watch !== undefined) this.update({ watch: feedback.watch });
  }

  /** The phone's clock mapped to the server's (prompts end at server times); the phone's own before the first estimate. */
  readonly serverNowMs = (): number => nowEpochMs() + (this.link?.stats().clock?.offsetMs ?? 0);

  /** The participant's answer to the consent card of the study session `sessionId`. */
  consentAnswer(sessionId: string, agreed: boolean): Promise<Ack> {
    if (!this.link) return Promise.resolve({ ok: false, error: { code: "not-joined", message: "The phone is not streaming: tap Start first." } });
    return this.link.consent(sessionId, agreed);
  }

  /** Debounced: typing a name should not send a rename per keystroke. */
  rename(name: string) {
    this.renameTo = name;
    if (this.renameTimer) clearTimeout(this.renameTimer);
    this.renameTimer = setTimeout(() => this.flushRename(), RENAME_DEBOUNCE_MS);
  }

  private flushRename() {
    if (this.renameTimer) clearTimeout(this.renameTimer);
    this.renameTimer = null;
    if (this.renameTo !== null) this.link?.rename(this.renameTo);
    this.renameTo = null;
  }

  private tick() {
    const last = this.motion?.lastSampleAtMs ?? null;
    const prompt = this.snap.prompt;
    // Whatever the link state: the link may report streaming and still have missed the clear.
    // A prompt without an end (a paused study, a consent card) waits for the server's next word.
    const promptStale = prompt !== null && prompt.untilMs !== null && this.serverNowMs() > prompt.untilMs + PROMPT_GRACE_MS;
    this.update({
      rateHz: this.motion?.rateHz() ?? 0,
      live: last !== null && performance.now() - last < LIVE_MS,
      pending: this.link?.stats().pending ?? 0,
      ...(promptStale ? { prompt: null } : {}),
    });
  }

  private update(patch: Partial<PhoneSessionSnapshot>) {
    const next = { ...this.snap, ...patch };
    const keys = Object.keys(next) as (keyof PhoneSessionSnapshot)[];
    if (keys.every((k) => next[k] === this.snap[k])) return;
    this.snap = next;
    for (const l of this.listeners) l();
  }
}
