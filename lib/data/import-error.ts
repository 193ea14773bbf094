/**
 * What an importer throws when a file cannot be read as motion data. The message
 * reads like a compiler's (`file:line: why`, or `file: at $.json.path: why`) so a
 * broken file is found and fixed without a debugger.
 */

/** Where in the file: a 1-based line of text, or a JSON path such as `$.payload.values[12][3]`. */
export type ImportPlace = { line: number; column?: number } | { jsonPath: string };

export class ImportError extends Error {
  override readonly name = "ImportError";

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly place?: ImportPlace,
  ) {
    super(`${file}${placeText(place)}: ${reason}`);
  }

  get line(): number | undefined {
    return this.place && "line" in this.place ? this.place.line : undefined;
  }

  get jsonPath(): string | undefined {
    return this.place && "jsonPath" in this.place ? this.place.jsonPath : undefined;
  }
}

function placeText(place: ImportPlace | undefined): string {
  if (!place) return "";
  if ("jsonPath" in place) return `: at ${place.jsonPath}`;
  return place.column === undefined ? `:${place.line}` : `:${place.line}:${place.column}`;
}

/** `$.payload.values[12][3]` from `["payload", "values", 12, 3]`. */
export function jsonPathText(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${acc}.${key}` : `${acc}[${JSON.stringify(key)}]`),
    "$",
  );
}
