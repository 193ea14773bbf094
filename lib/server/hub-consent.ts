import type { Ack } from "../protocol/events";
import type { DevicePrompt } from "../protocol/recordings";
import type { DeviceConsent } from "../protocol/studies";
import { reject } from "./guard";
import type { DeviceRecord } from "./device-record";
import type { Room } from "./room-registry";
import type { HubSocket } from "./socket-types";

/** Decides a participant's consent answer: null when it was taken, else a sentence saying why not. */
export type ConsentListener = (room: Room, deviceId: string, consent: DeviceConsent) => string | null;

export const CONSENT_UNCLAIMED = "No study session is waiting for this answer.";

/**
 * `device:consent` in the hub: the answer goes to whoever runs the room's study (the
 * listener), and the phone learns from the ack whether it was taken, so a card whose
 * session already ended says so instead of pretending the tap counted.
 */
export function consentRelay(
  listeners: readonly ConsentListener[],
  socket: HubSocket,
  joined: { room: Room; device: DeviceRecord } | null,
  consent: DeviceConsent,
  ack?: (res: Ack) => void,
) {
  if (!joined) return reject(socket, ack, "not-joined", "Send device:hello before device:consent.", "device:consent");
  let refusal = listeners.length === 0 ? CONSENT_UNCLAIMED : null;
  for (const listener of listeners) {
    const verdict = listener(joined.room, joined.device.id, consent);
    if (verdict === null) return ack?.({ ok: true });
    refusal ??= verdict;
  }
  reject(socket, ack, "not-allowed", refusal ?? CONSENT_UNCLAIMED, "device:consent");
}

/**
 * What a device that (re)joins should see at once. The study's prompt comes first for
 * its own device: the consent card, or the trial under way, is what the participant
 * must see, whatever the recording underneath would say. Otherwise a prompted
 * recording's current step, and null clears a prompt left over from before the phone
 * went away (a protocol that ended or a recording that stopped meanwhile).
 */
export function joinPrompt(room: Room, deviceId: string): DevicePrompt | null {
  if (room.study && room.study.deviceId === deviceId) return room.study.prompt;
  const covered = room.recording !== null && (room.recording.deviceFilter ?? deviceId) === deviceId;
  return covered ? (room.recording?.prompt ?? null) : null;
}
