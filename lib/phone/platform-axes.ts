import type { PhonePlatform } from "./platform";

/**
 * The one place where platform differences in DeviceMotion axes are undone: the phone
 * page applies it when it turns an event into a wire sample (motionToTuple), so that
 * the wire, and everything reading it (charts, recordings, the pose engine, models),
 * sees the W3C convention of lib/protocol/sample.ts for every device: device frame
 * x right, y up the screen, z out of the screen; acceleration including gravity reads
 * +9.81 m/s² on z lying screen up; rotation rate right-handed about x, y, z.
 *
 * iOS Safari reports acceleration with the opposite sign on all three axes (screen up
 * reads z ≈ −9.81); its rotation rate is not flipped. What this rests on, found with
 * the reference search (issues, code and pages corpora):
 * - WebKit's iOS implementation (WebKit/WebKit
 *   `Source/WebCore/platform/ios/WebCoreMotionManager.mm`, the stored versions from
 *   the 2010 original to the later W3C-angle rewrite) passes CoreMotion's values on
 *   scaled only: `accelerationIncludingGravity = (userAcceleration + gravity) ×
 *   9.80665` and `acceleration = userAcceleration × 9.80665`, with kGravity positive,
 *   and `rotationRate = rad2deg(CMRotationRate)`. CoreMotion's gravity points down
 *   (screen up: z = −1 g) and its user acceleration has the same inertial sign, i.e.
 *   the opposite of the W3C's "acceleration plus an acceleration equal and opposite
 *   to gravity". `DeviceMotionClientIOS::motionChanged` forwards them untouched.
 * - Independent reports of the flip for the web API: dorukeker/gyronorm.js#54 (2018,
 *   y and z opposite between iOS and Android), universal-tilt-js/universal-tilt.js#35
 *   (2019, Safari needs x and y negated), tomgco/gyro.js#16 (2016); and page code of
 *   the iOS 13+ permission era that negates accelerationIncludingGravity when
 *   `DeviceMotionEvent.requestPermission` exists. Native CoreMotion apps report the
 *   same (tszheichoi/awesome-sensor-logger#2, expo/expo#3277, GenericJam/mob#70).
 * - Rotation rate: WebKit converts CoreMotion's right-handed rad/s about x, y, z to
 *   deg/s in alpha, beta, gamma, as Chrome does (w3c/deviceorientation#43, which
 *   changed the spec to x, y, z = alpha, beta, gamma to match all three engines);
 *   motionToTuple converts to rad/s. No report found of a flipped rotation sign on iOS.
 * Not found: a statement from the last two years (iOS 17/18) either way, and no device
 * was at hand; the WebKit code path shows no sign change since. If a phone proves
 * otherwise, this table is the one line to change.
 *
 * "android", "desktop" (a desktop browser, e.g. Chrome's sensor emulation) and "other"
 * follow the spec, as Chrome on Android does (FACTS.md; Chrome's emulation shows +9.81
 * screen up).
 */
export interface PlatformAxes {
  /** Multiplies acceleration (with and without gravity), every axis. */
  accelSign: 1 | -1;
  /** Multiplies rotation rate, every axis. */
  gyroSign: 1 | -1;
}

const SPEC: PlatformAxes = { accelSign: 1, gyroSign: 1 };
const IOS: PlatformAxes = { accelSign: -1, gyroSign: 1 };

/** How to bring a platform's DeviceMotion readings to the W3C convention. */
export function platformAxes(platform: PhonePlatform): PlatformAxes {
  return platform === "ios" ? IOS : SPEC;
}
