import type { z } from "zod";

/**
 * zod issues as sentences a person dropping a checkpoint into a folder can act on:
 * "manifest.json: input.rateHz must be at most 1000". zod's own messages
 * ("Too big: expected number to be <=1000") name types, not fields, and the hot-swap
 * UI shows these lines verbatim.
 */

/** `input.channels[2]` rather than zod's `input.channels.2`. */
export function pathToText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

const KIND: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
};

function bound(issue: { origin: string; inclusive?: boolean; exact?: boolean }, limit: number | bigint, side: "min" | "max"): string {
  if (issue.origin === "array") {
    if (issue.exact) return `must have exactly ${limit} values`;
    return side === "min" ? `must have at least ${limit} value${limit === 1 ? "" : "s"}` : `must have at most ${limit} values`;
  }
  if (issue.origin === "string") return side === "min" ? (limit === 1 ? "must not be empty" : `must be at least ${limit} characters`) : `must be at most ${limit} characters`;
  if (side === "min") return issue.inclusive === false ? `must be more than ${limit}` : `must be at least ${limit}`;
  return issue.inclusive === false ? `must be less than ${limit}` : `must be at most ${limit}`;
}

/** The part after the path. Parse with `{ reportInput: true }` so a missing field reads "is missing". */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is missing";
      return `must be ${KIND[issue.expected] ?? issue.expected}`;
    case "too_small":
      return bound(issue, issue.minimum, "min");
    case "too_big":
      return bound(issue, issue.maximum, "max");
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")} (a typo?)`;
    default:
      return issue.message;
  }
}

/** One line per issue, each naming the file and the field. */
export function issuesToLines(fileName: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = pathToText(issue.path);
    return `${fileName}: ${where ? `${where} ` : ""}${issueText(issue)}`;
  });
}
