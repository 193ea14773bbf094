import { afterEach, describe, expect, it, vi } from "vitest";
import type { LinkSocket } from "@/lib/client/link-socket";
import { PhoneLink } from "@/lib/client/phone-link";
import type { PhoneFeedback, WatchMirror } from "@/lib/protocol/device-feedback";
import { PhoneSession, phoneVibrate } from "@/components/phone/phone-session";

const DONE: WatchMirror = { sceneId: "handwash", title: "Handwashing", state: "done", text: "Clean!", tone: "success", progress: 1 };

afterEach(() => vi.unstubAllGlobals());

describe("phoneVibrate", () => {
  it("passes the pattern to navigator.vibrate, called on navigator itself", () => {
    // Chrome throws "Illegal invocation" when vibrate is called detached from navigator.
    const nav = { vibrate: vi.fn(function (this: unknown) { return this === nav; }) };
    expect(phoneVibrate([20, 40, 20], nav)).toBe(true);
    expect(nav.vibrate).toHaveBeenCalledWith([20, 40, 20]);
  });

  it("does nothing for an empty pattern", () => {
    const nav = { vibrate: vi.fn(() => true) };
    expect(phoneVibrate([], nav)).toBe(false);
    expect(nav.vibrate).not.toHaveBeenCalled();
  });

  it("never throws: no navigator, no vibrate (iOS Safari), a refusal, a throwing browser", () => {
    expect(phoneVibrate([30], undefined)).toBe(false);
    expect(phoneVibrate([30], {})).toBe(false);
    expect(phoneVibrate([30], { vibrate: () => false })).toBe(false);
    expect(phoneVibrate([30], { vibrate: () => { throw new DOMException("blocked", "NotAllowedError"); } })).toBe(false);
  });

  it("uses the global navigator by default", () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal("navigator", { vibrate });
    expect(phoneVibrate([15])).toBe(true);
    expect(vibrate).toHaveBeenCalledWith([15]);
  });
});

describe("PhoneSession.feedback", () => {
  function setup(vibrate?: (pattern: number[]) => boolean) {
    vi.stubGlobal("navigator", vibrate ? { vibrate } : {});
    const session = new PhoneSession(() => {});
    const notified = vi.fn();
    session.subscribe(notified);
    return { session, notified };
  }

  it("buzzes and shows the mirror, leaves it for an absent watch, hides it for null", () => {
    const vibrate = vi.fn(() => true);
    const { session, notified } = setup(vibrate);
    expect(session.getSnapshot().watch).toBeNull();

    session.feedback({ vibrateMs: [30], watch: DONE });
    expect(vibrate).toHaveBeenLastCalledWith([30]);
    expect(session.getSnapshot().watch).toEqual(DONE);

    const before = session.getSnapshot();
    session.feedback({ vibrateMs: [10, 50, 10] });
    expect(vibrate).toHaveBeenLastCalledWith([10, 50, 10]);
    // A buzz alone changes nothing on screen: no re-render.
    expect(session.getSnapshot()).toBe(before);
    expect(notified).toHaveBeenCalledTimes(1);

    session.feedback({ vibrateMs: [], watch: null });
    expect(vibrate).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot().watch).toBeNull();
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it("still shows the mirror on a phone without vibration", () => {
    const { session } = setup();
    expect(() => session.feedback({ vibrateMs: [30], watch: DONE })).not.toThrow();
    expect(session.getSnapshot().watch).toEqual(DONE);
  });

  it("keeps the rest of the snapshot as it was", () => {
    const { session } = setup(() => true);
    const before = session.getSnapshot();
    session.feedback({ vibrateMs: [30], watch: DONE });
    expect({ ...session.getSnapshot(), watch: null }).toEqual(before);
  });
});

/** Just enough of a socket for PhoneLink: listeners to fire by hand, never connected. */
function fakeSocket() {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const socket = {
    connected: false,
    on(event: string, l: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
      return socket;
    },
    emit: vi.fn(),
    close: vi.fn(),
  };
  const fire = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args));
  return { socket: socket as unknown as LinkSocket, fire };
}

describe("PhoneLink onFeedback", () => {
  it("hands each relayed feedback to the callback as it came", () => {
    const { socket, fire } = fakeSocket();
    const got: PhoneFeedback[] = [];
    const link = new PhoneLink({ url: "", room: "ABCDEF", deviceId: "unit-phone", name: "p", source: "phone", platform: "android", nowMs: () => 0, socket, onFeedback: (f) => got.push(f) });
    fire("device:feedback", { vibrateMs: [30], watch: DONE });
    fire("device:feedback", { vibrateMs: [] });
    expect(got).toEqual([{ vibrateMs: [30], watch: DONE }, { vibrateMs: [] }]);
    link.close();
  });

  it("is optional: a link without the callback ignores feedback", () => {
    const { socket, fire } = fakeSocket();
    const link = new PhoneLink({ url: "", room: "ABCDEF", deviceId: "unit-phone", name: "p", source: "sim", platform: "node", nowMs: () => 0, socket });
    expect(() => fire("device:feedback", { vibrateMs: [30] })).not.toThrow();
    link.close();
  });
});
