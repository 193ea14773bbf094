import type { DecisionSettings } from "../models/detector";
import type { SlotId } from "../models/host-protocol";
import type { SceneRoleSettings } from "../protocol/scene-settings";
import type { DesktopDetectors, SlotChoice } from "./desktop-detectors";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const decisionSame = (a: DecisionSettings | null, b: DecisionSettings | null) =>
  a === b || (a !== null && b !== null && a.thresholdProb === b.thresholdProb && a.smoothingWindows === b.smoothingWindows && a.minConsecutiveWindows === b.minConsecutiveWindows && a.refractoryMs === b.refractoryMs);

/**
 * Keeps a scene's detector runtime and its saved role settings in step, both ways.
 * Settings (loaded, reset, or saved on another laptop) are applied to the slots;
 * a user's change in a slot (another detector, a heuristic's parameter, the
 * threshold or smoothing slider) is reported once, as the new role settings.
 *
 * A saved decision belongs to the role, not to one load: the runtime starts every
 * newly loaded detector (a hot-swapped version too) with its own decision, so the
 * saved one is applied again whenever the running detector changes, and that is not
 * mistaken for the user moving a slider.
 */
export class SceneDetectorsSync<S extends SlotId> {
  private roles: Record<S, SceneRoleSettings>;
  /** The load (`running` object: a new one per load) each role's saved decision was last applied to. */
  private readonly appliedTo = new Map<S, object | null>();
  private unsubscribe: (() => void) | null = null;
  private checking = false;

  constructor(
    private readonly detectors: DesktopDetectors<S>,
    roles: Record<S, SceneRoleSettings>,
    private readonly onUserChange: (roles: Record<S, SceneRoleSettings>) => void,
  ) {
    this.roles = { ...roles };
  }

  open(): void {
    this.unsubscribe = this.detectors.subscribe(() => this.check());
    this.apply(this.roles);
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Settings from elsewhere: choose each role's detector and decision. Reports nothing back. */
  apply(roles: Record<S, SceneRoleSettings>): void {
    this.roles = { ...roles };
    this.appliedTo.clear();
    const state = this.detectors.getState();
    // Choosing one role notifies at once; the roles after it are not chosen yet, which is no user change.
    this.checking = true;
    try {
      for (const role of this.detectors.slotIds) {
        const want = this.roles[role];
        if (!same(state.slots[role].choice, want.choice)) this.detectors.choose(role, want.choice as SlotChoice);
      }
    } finally {
      this.checking = false;
    }
    this.check();
  }

  private check(): void {
    // setDecision below notifies synchronously; the outer pass sees its result.
    if (this.checking) return;
    this.checking = true;
    try {
      let changed = false;
      const state = this.detectors.getState();
      const toApply: [S, DecisionSettings][] = [];
      for (const role of this.detectors.slotIds) {
        const slot = state.slots[role];
        const saved = this.roles[role];
        if (!same(slot.choice, saved.choice)) {
          this.roles = { ...this.roles, [role]: { choice: slot.choice, decision: null } };
          this.appliedTo.delete(role);
          changed = true;
          continue;
        }
        // A reload keeps the id (a heuristic's params are not in it): each load is a new `running` object.
        const load = slot.running;
        if (!slot.running || slot.loading) continue;
        if (this.appliedTo.get(role) !== load) {
          this.appliedTo.set(role, load);
          const want = saved.decision ?? slot.running.spec.decision;
          if (!decisionSame(want, slot.decision)) toApply.push([role, want]);
          continue;
        }
        const effective = saved.decision ?? slot.running.spec.decision;
        if (slot.decision && !decisionSame(slot.decision, effective)) {
          const decision = decisionSame(slot.decision, slot.running.spec.decision) ? null : slot.decision;
          this.roles = { ...this.roles, [role]: { choice: saved.choice, decision } };
          changed = true;
        }
      }
      for (const [role, decision] of toApply) this.detectors.setDecision(role, decision);
      if (changed) this.onUserChange({ ...this.roles });
    } finally {
      this.checking = false;
    }
  }
}
