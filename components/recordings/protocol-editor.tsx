"use client";

import { Button } from "@/components/ui/button";
import { PROTOCOL_LEAD_IN_S } from "@/lib/protocol/recordings";
import { clockText } from "./recording-format";
import { protocolParse, protocolPreset, protocolText } from "./recording-protocol-text";

interface ProtocolEditorProps {
  text: string;
  onChange: (text: string) => void;
  labelSet: readonly string[];
}

/** Warnings shown at once: a protocol with one misspelt label repeated 50 times needs one line, not 50. */
const WARNINGS_SHOWN = 3;

/**
 * The optional prompted protocol, typed one step per line; the phone shows each
 * step's prompt and the server labels it. The parse runs on every keystroke so a
 * mistake shows where it is made, not when Record is pressed. Warnings (a label not
 * in the set, a prompt that is only a number) are likely slips but may be meant, so
 * they are shown under the status and do not block Record as an error does.
 */
export function ProtocolEditor({ text, onChange, labelSet }: ProtocolEditorProps) {
  const { steps, error, warnings } = protocolParse(text, labelSet);
  const hiddenWarnings = warnings.length - WARNINGS_SHOWN;
  const totalS = steps.reduce((s, step) => s + step.durationS + step.restS, 0);

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <label htmlFor="protocol-text" className="text-sm font-semibold text-slate-300">
          Prompted protocol <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          data-testid="protocol-preset"
          disabled={labelSet.length === 0}
          title={labelSet.length === 0 ? "Add labels first: the example uses them" : "Fill in a 5-step example using the labels"}
          onClick={() => onChange(protocolText(protocolPreset(labelSet)))}
        >
          Example protocol
        </Button>
      </div>
      <textarea
        id="protocol-text"
        data-testid="protocol-text"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        rows={4}
        spellCheck={false}
        placeholder={"One step per line: label, prompt text, seconds[, rest seconds]\ndouble-tap, Tap twice on the table, 5, 3"}
        aria-invalid={error !== null}
        aria-describedby={warnings.length > 0 ? "protocol-status protocol-warnings" : "protocol-status"}
        className="min-h-24 rounded-lg border border-slate-600 bg-slate-800 px-3 py-2 font-mono text-sm text-slate-100 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-sky-300 aria-invalid:border-amber-400"
      />
      <p id="protocol-status" data-testid="protocol-status" className={`text-sm ${error ? "text-amber-200" : "text-slate-400"}`}>
        {error ??
          (steps.length > 0
            ? `${steps.length} step${steps.length === 1 ? "" : "s"}, ${clockText((PROTOCOL_LEAD_IN_S + totalS) * 1000)} with ${PROTOCOL_LEAD_IN_S} s to get ready. The phone shows each prompt.`
            : "Without a protocol, label live with the number keys.")}
      </p>
      {warnings.length > 0 && (
        <ul id="protocol-warnings" data-testid="protocol-warnings" className="flex flex-col gap-1 text-sm text-amber-200/90">
          {warnings.slice(0, WARNINGS_SHOWN).map((w) => (
            <li key={w}>
              <span aria-hidden>⚠ </span>
              {w}
            </li>
          ))}
          {hiddenWarnings > 0 && <li className="text-slate-400">…and {hiddenWarnings} more like these.</li>}
        </ul>
      )}
    </div>
  );
}
