import { labelNameSchema, protocolStepSchema, type ProtocolStep } from "@/lib/protocol/recordings";
import { motionLabel } from "@/lib/client/desktop-format";

/**
 * A prompted protocol as a researcher types it: one step per line,
 * `label, prompt text, seconds[, rest seconds]`. The prompt may itself contain commas:
 * the label is the first field and the seconds are read from the end.
 */

export interface ProtocolParse {
  /** Empty when the text is empty: no protocol, live keys only. */
  steps: ProtocolStep[];
  /** The first problem, naming its line; null when the text can be used as it is. */
  error: string | null;
  /**
   * Lines that parse but probably do not say what was meant, each naming its line. They
   * do not block Record: a new label or a prompt of digits can be intended.
   */
  warnings: string[];
}

const isSeconds = (field: string) => /^\d+(\.\d+)?$/.test(field);

function stepParse(line: string): ProtocolStep | string {
  const fields = line.split(",").map((f) => f.trim());
  if (fields.length < 3) return "write it as: label, prompt text, seconds (and optionally rest seconds)";
  const label = fields[0]!;
  const hasRest = fields.length >= 4 && isSeconds(fields.at(-1)!) && isSeconds(fields.at(-2)!);
  const numbers = hasRest ? fields.slice(-2) : fields.slice(-1);
  const prompt = fields.slice(1, fields.length - numbers.length).join(", ");
  if (!isSeconds(numbers[0]!)) return `"${numbers[0]}" is not a number of seconds`;
  const parsed = protocolStepSchema.safeParse({ label, prompt, durationS: Number(numbers[0]), restS: hasRest ? Number(numbers[1]) : 0 });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const what: Record<string, string> = {
    label: "the label",
    prompt: "the prompt text (1 to 80 characters)",
    durationS: "the seconds (0.5 to 600)",
    restS: "the rest seconds (0 to 600)",
  };
  return `${what[field] ?? field}: ${issue?.message ?? "invalid"}`;
}

/** Why a parsed step is likely a slip; empty when it looks intended. `fieldCount`: the comma-separated fields of its line. */
function stepWarnings(step: ProtocolStep, fieldCount: number, labelSet: readonly string[] | undefined): string[] {
  const warnings: string[] = [];
  // The server records any label, so a typo would quietly start a label of its own.
  if (labelSet && !labelSet.includes(step.label)) warnings.push(`"${step.label}" is not one of the labels (a typo?); it would be recorded as a new label`);
  // "tap, 5, 3" reads as the prompt "5" for 3 s; "5 s with 3 s rest" needs a prompt before the numbers.
  if (fieldCount === 3 && isSeconds(step.prompt)) {
    warnings.push(`the phone will show "${step.prompt}" for ${step.durationS} s; for ${step.prompt} s with ${step.durationS} s rest, write: ${step.label}, prompt text, ${step.prompt}, ${step.durationS}`);
  }
  return warnings;
}

/** `labelSet`: the labels of the recording to start; without it, labels are not checked. */
export function protocolParse(text: string, labelSet?: readonly string[]): ProtocolParse {
  const steps: ProtocolStep[] = [];
  const warnings: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // Blank lines and # comments let a researcher lay a long protocol out in blocks.
    if (line === "" || line.startsWith("#")) continue;
    const step = stepParse(line);
    if (typeof step === "string") return { steps, error: `Line ${i + 1}: ${step}.`, warnings };
    steps.push(step);
    for (const w of stepWarnings(step, line.split(",").length, labelSet)) warnings.push(`Line ${i + 1}: ${w}.`);
  }
  if (steps.length > 200) return { steps, error: "A protocol has at most 200 steps.", warnings };
  return { steps, error: null, warnings };
}

export function protocolText(steps: readonly ProtocolStep[]): string {
  return steps.map((s) => `${s.label}, ${s.prompt}, ${s.durationS}${s.restS > 0 ? `, ${s.restS}` : ""}`).join("\n");
}

/** Five steps cycling through the label set: 5 s of each motion, 3 s of rest between, the last without rest. */
export function protocolPreset(labelSet: readonly string[]): ProtocolStep[] {
  if (labelSet.length === 0) return [];
  return Array.from({ length: 5 }, (_, i) => {
    const label = labelSet[i % labelSet.length]!;
    return { label, prompt: motionLabel(label), durationS: 5, restS: i === 4 ? 0 : 3 };
  });
}

/** The reason a label cannot be added to `labelSet`, or null when it can. */
export function labelProblem(name: string, labelSet: readonly string[]): string | null {
  const parsed = labelNameSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "not a usable label";
  if (labelSet.includes(parsed.data)) return `"${parsed.data}" is already in the set`;
  return null;
}
