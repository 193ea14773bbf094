import { describe, expect, it } from "vitest";
import { MESSAGES, phoneStatusView, type PhoneStatusInput } from "@/lib/phone/phone-status";

const base: PhoneStatusInput = { running: true, access: "granted", verdict: "ok", link: "streaming", linkDetail: null, pending: 0 };

describe("phoneStatusView", () => {
  it("is idle before Start", () => {
    expect(phoneStatusView({ ...base, running: false, access: null, verdict: null, link: null }).state).toBe("idle");
  });

  it("follows the link while the sensors are fine", () => {
    expect(phoneStatusView({ ...base, link: "connecting" }).state).toBe("connecting");
    expect(phoneStatusView(base)).toEqual({ state: "streaming", title: "Streaming", message: null });
    expect(phoneStatusView({ ...base, verdict: null }).state).toBe("streaming");
    const offline = phoneStatusView({ ...base, link: "offline", pending: 1234 });
    expect(offline.state).toBe("offline");
    expect(offline.message).toBe("1,234 samples waiting, will send when back.");
    const failed = phoneStatusView({ ...base, link: "failed", linkDetail: "No room K7Q-M4X." });
    expect(failed).toMatchObject({ state: "failed", title: "Can't join", message: "No room K7Q-M4X." });
  });

  it("puts sensor problems before the link", () => {
    expect(phoneStatusView({ ...base, verdict: "blocked" })).toMatchObject({ state: "blocked", message: MESSAGES.blocked });
    expect(phoneStatusView({ ...base, verdict: "no-events" })).toMatchObject({ state: "unsupported", message: MESSAGES.noEvents });
  });

  it("explains why Start did not start", () => {
    for (const access of ["insecure", "unsupported", "denied"] as const) {
      expect(phoneStatusView({ ...base, running: false, access, link: null }).state).toBe(access);
    }
    expect(phoneStatusView({ ...base, access: "pending", link: null }).state).toBe("connecting");
  });
});
