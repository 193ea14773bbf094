import { describe, expect, it } from "vitest";
import { motionAccessRequest, type PermissionGate } from "@/lib/phone/motion-access";

function gate(answer: string | Error | "throw", log: string[], label: string): PermissionGate {
  return {
    requestPermission: () => {
      log.push(label);
      if (answer === "throw") throw new TypeError("not from a user gesture");
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}

describe("motionAccessRequest", () => {
  it("reports an insecure page before anything else", async () => {
    const log: string[] = [];
    expect(await motionAccessRequest({ isSecureContext: false, motion: gate("granted", log, "m"), orientation: undefined })).toBe("insecure");
    expect(log).toEqual([]);
  });

  it("reports a browser without DeviceMotionEvent", async () => {
    expect(await motionAccessRequest({ isSecureContext: true, motion: undefined, orientation: undefined })).toBe("unsupported");
  });

  it("grants at once where no permission is needed (Android, desktop)", async () => {
    expect(await motionAccessRequest({ isSecureContext: true, motion: {}, orientation: {} })).toBe("granted");
  });

  it("asks for both permissions synchronously, inside the tap (iOS)", async () => {
    const log: string[] = [];
    const pending = motionAccessRequest({ isSecureContext: true, motion: gate("granted", log, "motion"), orientation: gate("granted", log, "orientation") });
    expect(log).toEqual(["motion", "orientation"]);
    expect(await pending).toBe("granted");
  });

  it("is denied when motion is denied, refused or throws", async () => {
    const log: string[] = [];
    for (const answer of ["denied", new Error("NotAllowedError"), "throw"] as const) {
      expect(await motionAccessRequest({ isSecureContext: true, motion: gate(answer, log, "m"), orientation: undefined })).toBe("denied");
    }
  });

  it("still streams motion when only orientation is denied", async () => {
    const log: string[] = [];
    expect(await motionAccessRequest({ isSecureContext: true, motion: gate("granted", log, "m"), orientation: gate("denied", log, "o") })).toBe("granted");
  });
});
