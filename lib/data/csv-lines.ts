import { ImportError } from "./import-error";

/**
 * Splits CSV text into cells, line by line, keeping the 1-based line number for
 * messages. Handles what motion exports contain: a byte-order mark, CRLF, blank
 * lines, a `,` `;` or tab delimiter (taken from the header) and double-quoted cells
 * with `""` escapes. A quoted cell may not span lines: no motion column needs that,
 * and it would make line numbers lie.
 */

export interface CsvLine {
  line: number;
  cells: string[];
}

export interface CsvText {
  header: CsvLine;
  rows: Iterable<CsvLine>;
}

export function csvSplit(text: string, file: string): CsvText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new ImportError(file, "empty file");
  const headerText = lines[headerIndex]!;
  const delimiter = [",", ";", "\t"].find((d) => headerText.includes(d)) ?? ",";
  const header = { line: headerIndex + 1, cells: cellsSplit(headerText, delimiter, file, headerIndex + 1) };
  function* rows(): Generator<CsvLine> {
    for (let i = headerIndex + 1; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.trim() === "") continue;
      yield { line: i + 1, cells: cellsSplit(l, delimiter, file, i + 1) };
    }
  }
  return { header, rows: rows() };
}

function cellsSplit(line: string, delimiter: string, file: string, lineNo: number): string[] {
  if (!line.includes('"')) return line.split(delimiter).map((c) => c.trim());
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === " ") i++;
    let cell = "";
    if (line[i] === '"') {
      const open = i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new ImportError(file, "a quoted cell is not closed on this line", { line: lineNo, column: open + 1 });
        cell += line.slice(i, close);
        i = close + 1;
        if (line[i] !== '"') break;
        cell += '"';
        i++;
      }
      const next = line.indexOf(delimiter, i);
      const rest = next < 0 ? line.slice(i) : line.slice(i, next);
      if (rest.trim() !== "") throw new ImportError(file, `text after a quoted cell: '${rest.trim().slice(0, 20)}'`, { line: lineNo, column: i + 1 });
      i = next < 0 ? line.length : next;
    } else {
      const next = line.indexOf(delimiter, i);
      cell = (next < 0 ? line.slice(i) : line.slice(i, next)).trim();
      i = next < 0 ? line.length : next;
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i += delimiter.length;
  }
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell as a finite number, or an {@link ImportError} that says what was there.
 * Stricter than `Number()`, which would take `0x1A`, `Infinity` and blanks.
 */
export function cellNumber(cell: string, column: string, file: string, line: number): number {
  if (DECIMAL.test(cell)) return Number(cell);
  const lower = cell.toLowerCase();
  if (lower === "nan") throw new ImportError(file, `NaN in column ${column}`, { line });
  if (/^[+-]?inf(inity)?$/.test(lower)) throw new ImportError(file, `infinite value in column ${column}: '${cell}'`, { line });
  throw new ImportError(file, `text in a number column (${column}): '${cell.slice(0, 30)}'`, { line });
}
