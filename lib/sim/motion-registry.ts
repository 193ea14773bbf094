import { armReset, type ArmMotion, type MotionContext } from "./arm";
import { createDoubleTapMotion } from "./motion-double-tap";
import { createFlickMotion } from "./motion-flick";
import type { MotionName } from "./motion-names";
import { createRaiseLowerMotion } from "./motion-raise";
import { createRandomMotion } from "./motion-random";
import { createScrubMotion } from "./motion-scrub";
import { createShakeMotion } from "./motion-shake";
import { createSwingMotion } from "./motion-swing";
import { createTapMotion } from "./motion-tap";
import { createTypingMotion } from "./motion-typing";
import { createWalkMotion } from "./motion-walk";

/** The arm trajectory for a motion name. */
export function createArmMotion(name: MotionName, ctx: MotionContext): ArmMotion {
  switch (name) {
    case "idle":
      // Resting in the neutral pose; the simulator's idle sway supplies drift and tremor.
      ctx.emitSegment("idle", 0, ctx.runEndS);
      return { armAt: (_tS, arm) => void armReset(arm) };
    case "raise":
      return createRaiseLowerMotion(ctx, false);
    case "lower":
      return createRaiseLowerMotion(ctx, true);
    case "double-tap":
      return createDoubleTapMotion(ctx);
    case "flick":
      return createFlickMotion(ctx);
    case "scrub":
      return createScrubMotion(ctx);
    case "walk":
      return createWalkMotion(ctx);
    case "shake":
      return createShakeMotion(ctx);
    case "typing":
      return createTypingMotion(ctx);
    case "swing":
      return createSwingMotion(ctx);
    case "random":
      return createRandomMotion(ctx);
    case "tap":
      return createTapMotion(ctx);
  }
}
