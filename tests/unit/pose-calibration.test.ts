import { describe, expect, it } from "vitest";
import { quatConjugate, quatFromAxisAngle, quatMultiply, type Quat } from "@/lib/math/quat";
import { attitudePathSamples, type AttitudeKeyframe } from "@/lib/pose/attitude-path";
import { PoseTracker } from "@/lib/pose/pose-tracker";
import type { Placement, PoseSettings } from "@/lib/pose/pose-types";
import { WATCH_TO_DEVICE } from "@/lib/pose/watch-mapping";
import type { SampleTuple } from "@/lib/protocol/sample";

const DEG = Math.PI / 180;
const X: [number, number, number] = [1, 0, 0];
const Y: [number, number, number] = [0, 1, 0];
const Z: [number, number, number] = [0, 0, 1];

/** Left-arm watch-to-body pose: heading (left +), raise (hand up +), pronation (face toward midline +). */
function watchPose(raiseDeg: number, pronationDeg: number, headingDeg = 0): Quat {
  const q = quatMultiply(quatFromAxisAngle(Z, headingDeg * DEG), quatFromAxisAngle(Y, -raiseDeg * DEG));
  return quatMultiply(q, quatFromAxisAngle(X, pronationDeg * DEG));
}

/**
 * The phone's device-to-world for a watch pose, the wearer facing `worldHeadingDeg`, the
 * phone sitting on the wrist turned by `mount` (a device-frame rotation) from its nominal place.
 */
function phoneQuat(watchToBody: Quat, worldHeadingDeg: number, mount: Quat = [1, 0, 0, 0], placement: Placement = "strapped"): Quat {
  const watchToWorld = quatMultiply(quatFromAxisAngle(Z, worldHeadingDeg * DEG), watchToBody);
  const nominal = quatMultiply(watchToWorld, quatConjugate([...WATCH_TO_DEVICE[placement]] as Quat));
  return quatMultiply(nominal, mount);
}

/** Feeds samples, calling calibrate() at the first sample at or after calibrateAtS. */
function run(tracker: PoseTracker, samples: SampleTuple[], calibrateAtS = Infinity): void {
  const t0 = samples[0]![0];
  let asked = false;
  for (const s of samples) {
    if (!asked && s[0] - t0 >= calibrateAtS * 1000) {
      tracker.calibrate();
      asked = true;
    }
    tracker.push(s);
  }
}

const settings: Partial<PoseSettings> = { placement: "strapped", side: "left" };
// A few degrees of tilt on the strap: about the phone's x (across) and y (along the forearm).
const tiltMount = quatMultiply(quatFromAxisAngle(X, 4 * DEG), quatFromAxisAngle(Y, -5 * DEG));

function neutralThenRaised(mount: Quat): AttitudeKeyframe[] {
  return [
    { quat: phoneQuat(watchPose(0, 0), 123, mount), holdS: 2.5 },
    { quat: phoneQuat(watchPose(80, 20, 15), 123, mount), moveS: 0.6, holdS: 1 },
  ];
}

describe("neutral-pose calibration", () => {
  it("a mounting offset of a few degrees shows before calibration and is gone after", () => {
    const path = neutralThenRaised(tiltMount);
    const samples = attitudePathSamples(path, { rateHz: 60 });
    const raw = new PoseTracker(settings);
    run(raw, samples);
    const err = (t: PoseTracker) => Math.max(Math.abs(t.angles.raiseDeg - 80), Math.abs(t.angles.rollDeg - 20), Math.abs(t.angles.headingDeg - 15));
    expect(err(raw)).toBeGreaterThan(3);

    const cal = new PoseTracker(settings);
    expect(cal.calibrationState).toBe("none");
    const neutralOnly = attitudePathSamples([path[0]!], { rateHz: 60 });
    run(cal, neutralOnly.slice(0, 60), 0.5);
    expect(cal.calibrationState).toBe("collecting");
    run(cal, neutralOnly.slice(60));
    expect(cal.calibrationState).toBe("done");
    expect(Math.abs(cal.angles.raiseDeg)).toBeLessThan(0.1);
    expect(Math.abs(cal.angles.rollDeg)).toBeLessThan(0.1);
    expect(Math.abs(cal.angles.headingDeg)).toBeLessThan(0.1);
    run(cal, samples.slice(neutralOnly.length));
    expect(err(cal)).toBeLessThan(0.5);
  });

  it("a twist of the phone about its screen normal cannot be seen in one pose: it stays as cross-talk", () => {
    const yawMount = quatFromAxisAngle(Z, 5 * DEG);
    const read = (raiseDeg: number) => {
      const t = new PoseTracker(settings);
      const path: AttitudeKeyframe[] = [
        { quat: phoneQuat(watchPose(0, 0), 123, yawMount), holdS: 2.5 },
        { quat: phoneQuat(watchPose(raiseDeg, 20, 15), 123, yawMount), moveS: 0.6, holdS: 1 },
      ];
      run(t, attitudePathSamples(path, { rateHz: 60 }), 0.5);
      expect(t.calibrationState).toBe("done");
      return { ...t.angles };
    };
    const at30 = read(30);
    const at80 = read(80);
    console.log(`5° screen-normal mount offset after calibration: at raise 30 reads ${JSON.stringify(at30)}; at raise 80 reads ${JSON.stringify(at80)} (truth raise, roll 20, heading 15)`);
    // Raise stays good; roll and heading lose it near a vertical forearm, where they are ill-conditioned.
    expect(Math.abs(at30.raiseDeg - 30)).toBeLessThan(2);
    expect(Math.abs(at80.raiseDeg - 80)).toBeLessThan(2);
    expect(Math.abs(at30.rollDeg - 20)).toBeLessThan(4);
    expect(Math.abs(at30.headingDeg - 15)).toBeLessThan(6);
  });

  it("held in the palm, calibrated palm up: that pose becomes roll 0", () => {
    const phoneFlat: Quat = quatFromAxisAngle(Z, 40 * DEG);
    const t = new PoseTracker({ ...settings, placement: "held" });
    run(t, attitudePathSamples([{ quat: phoneFlat, holdS: 1 }], { rateHz: 60 }));
    expect(Math.abs(t.angles.rollDeg)).toBeCloseTo(180, 2);
    run(t, attitudePathSamples([{ quat: phoneFlat, holdS: 2 }], { rateHz: 60, startTMs: 1000 }), 0);
    expect(t.calibrationState).toBe("done");
    expect(Math.abs(t.angles.rollDeg)).toBeLessThan(0.1);
  });

  it("recenter() zeros heading and leaves raise and roll alone", () => {
    const t = new PoseTracker(settings);
    run(
      t,
      attitudePathSamples(
        [
          { quat: phoneQuat(watchPose(0, 0), 200), holdS: 1 },
          { quat: phoneQuat(watchPose(30, 20, 40), 200), moveS: 0.8, holdS: 1 },
        ],
        { rateHz: 60 },
      ),
    );
    expect(t.angles.headingDeg).toBeCloseTo(40, 0);
    const { raiseDeg, rollDeg } = t.angles;
    t.recenter();
    expect(t.angles.headingDeg).toBeCloseTo(0, 6);
    expect(t.angles.raiseDeg).toBeCloseTo(raiseDeg, 6);
    expect(t.angles.rollDeg).toBeCloseTo(rollDeg, 6);
  });

  it("setSettings re-maps at once without losing the attitude; a new placement drops the calibration", () => {
    const t = new PoseTracker(settings);
    const samples = attitudePathSamples(
      [
        { quat: phoneQuat(watchPose(0, 0), 0), holdS: 2 },
        { quat: phoneQuat(watchPose(45, 30), 0), moveS: 0.5, holdS: 1 },
      ],
      { rateHz: 60 },
    );
    run(t, samples, 0.2);
    expect(t.calibrationState).toBe("done");
    expect(t.angles.rollDeg).toBeCloseTo(30, 0);
    t.setSettings({ side: "right" });
    expect(t.angles.rollDeg).toBeCloseTo(-30, 0);
    expect(t.angles.raiseDeg).toBeCloseTo(45, 0);
    expect(t.calibrationState).toBe("done");
    t.setSettings({ placement: "held" });
    expect(t.calibrationState).toBe("none");
    // The same phone attitude read as a phone in the palm: the watch face points the other way.
    expect(Math.abs(t.angles.rollDeg)).toBeGreaterThan(90);
  });
});
