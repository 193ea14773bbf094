import { ImportError, jsonPathText } from "./import-error";

/**
 * JSON parsing and shape checks that say where a file is wrong: a syntax error as
 * line:column, a wrong value as a JSON path (`$.payload.values[12][3]`).
 */

export type JsonPath = readonly (string | number)[];

export function jsonTextParse(text: string, file: string): unknown {
  if (text.trim() === "") throw new ImportError(file, "empty file");
  try {
    return JSON.parse(text);
  } catch (e) {
    const offset = syntaxErrorOffset(text, (e as Error).message);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    throw new ImportError(file, `not valid JSON: ${(e as Error).message.replace(/, (?:\.\.\.)?".*is not valid JSON$/s, "").replace(/ in JSON at position \d+$/, "")}`, { line, column });
  }
}

/**
 * V8 reports the offset for some syntax errors only. For the others, the error is
 * at the first prefix that fails for a reason other than running out of text.
 */
function syntaxErrorOffset(text: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const failsEarly = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const m = (e as Error).message;
      const pos = /at position (\d+)/.exec(m);
      return pos ? Number(pos[1]) < length : !m.startsWith("Unexpected end");
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsEarly(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Throws an {@link ImportError} at `path`; for readers of one JSON document. */
export class JsonReader {
  constructor(readonly file: string) {}

  fail(path: JsonPath, reason: string): never {
    throw new ImportError(this.file, reason, { jsonPath: jsonPathText(path) });
  }

  object(value: unknown, path: JsonPath): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.fail(path, `expected an object, found ${kindOf(value)}`);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: JsonPath): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${kindOf(value)}`);
    return value;
  }

  string(value: unknown, path: JsonPath): string {
    if (typeof value !== "string") this.fail(path, `expected text, found ${kindOf(value)}`);
    return value;
  }

  number(value: unknown, path: JsonPath): number {
    if (typeof value === "number") return value;
    if (typeof value === "string") this.fail(path, `text in a number field: '${value.slice(0, 30)}'`);
    this.fail(path, `expected a number, found ${kindOf(value)}`);
  }

  positive(value: unknown, path: JsonPath): number {
    const n = this.number(value, path);
    if (!(n > 0)) this.fail(path, `must be greater than 0, found ${n}`);
    return n;
  }

  /** A field that must be there: `missing field x` beats `expected a number, found undefined`. */
  field(obj: Record<string, unknown>, key: string, path: JsonPath): unknown {
    if (!(key in obj)) this.fail(path, `missing field ${key}`);
    return obj[key];
  }
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `text '${value.slice(0, 30)}'`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
