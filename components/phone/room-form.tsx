"use client";

import { useState, type FormEvent } from "react";
import { roomCodeFormat, roomCodeParse, type RoomCode } from "@/lib/protocol/room-code";

interface RoomFormProps {
  /** What to start with: a code from the link (maybe mistyped) or the room being changed. */
  initial: string;
  onJoin: (code: RoomCode) => void;
}

const BAD_CODE = "A room code has 6 letters and numbers, like K7Q-M4X. Check the code on the computer screen.";

/**
 * The code is typed from a screen across the room, so it takes any case, spaces and
 * dashes. A typed code is checked with the server before joining: a typo should be
 * caught here, not after Start.
 */
export function RoomForm({ initial, onJoin }: RoomFormProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(initial && !roomCodeParse(initial) ? BAD_CODE : null);
  const [checking, setChecking] = useState(false);

  async function join(e: FormEvent) {
    e.preventDefault();
    const code = roomCodeParse(text);
    if (!code) return setError(BAD_CODE);
    setError(null);
    setChecking(true);
    try {
      const res = await fetch(`/api/rooms/${code}`);
      if (res.status === 404) return setError(`No room ${roomCodeFormat(code)}. Check the code on the computer screen.`);
    } catch {
      // Cannot ask the server: join anyway; the connection will say what is wrong.
    } finally {
      setChecking(false);
    }
    onJoin(code);
  }

  return (
    <form onSubmit={join} className="flex flex-col gap-4" noValidate>
      <h1 className="text-3xl font-bold">Join a room</h1>
      <label htmlFor="room-code" className="text-lg text-[#9da7b3]">
        Type the code shown on the computer.
      </label>
      <input
        id="room-code"
        data-testid="room-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        placeholder="K7Q-M4X"
        autoCapitalize="characters"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="go"
        maxLength={16}
        aria-invalid={error !== null}
        aria-describedby={error ? "room-error" : undefined}
        className="h-20 w-full rounded-2xl border-2 border-[#30363d] bg-[#0d1117] px-4 text-center font-mono text-4xl tracking-[0.2em] uppercase outline-none placeholder:text-[#3b434c] focus:border-[#2f81f7] aria-invalid:border-[#f85149]"
      />
      {error && (
        <p id="room-error" data-testid="room-error" role="alert" className="text-lg text-[#ff7b72]">
          {error}
        </p>
      )}
      <button
        type="submit"
        data-testid="room-join"
        disabled={checking}
        className="h-16 w-full rounded-2xl bg-[#2f81f7] text-2xl font-semibold text-white active:bg-[#1f6feb] disabled:opacity-60"
      >
        {checking ? "Checking…" : "Join"}
      </button>
    </form>
  );
}
