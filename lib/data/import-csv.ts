import { F, SAMPLE_WIDTH } from "../protocol/sample";
import { columnPlan, type ColumnPlan, type UnitDefaults } from "./csv-columns";
import { cellNumber, csvSplit, type CsvLine } from "./csv-lines";
import { fileBaseName, type ImportCommonOptions } from "./import-common";
import { ImportError } from "./import-error";
import { STANDARD_GRAVITY_MPS2 } from "./import-units";
import { recordingDurationMs, type MotionRecording } from "./motion-recording";
import { RecordingBuilder } from "./recording-builder";

/**
 * The documented motion CSV (docs/data-formats.md): a header naming the columns,
 * one sample per row, units from the header or the options, optional `label`,
 * `recording` and `group` columns. The other CSV importers are this one with their
 * dataset's settings.
 */

export interface CsvImportOptions extends ImportCommonOptions, UnitDefaults {
  /** Sample rate when the file has no time column. */
  rateHz?: number;
  /** Time of every recording's first sample when the rate is fixed; default 0. */
  startMs?: number;
  /** Group of every recording when there is no group column; default the recording id. */
  group?: string;
  /**
   * A row whose time equals the previous row's: an error (default), or dropped
   * with a warning (for exports that stamp whole milliseconds at ~100 Hz).
   */
  repeatedTimes?: "error" | "drop";
}

export function csvImport(text: string, file: string, opts: CsvImportOptions = {}): MotionRecording[] {
  const { header, rows } = csvSplit(text, file);
  const plan = columnPlan(header.cells, file, header.line, opts);
  if (!plan.time && opts.rateHz === undefined) {
    throw new ImportError(file, "no time column (tMs, t_ms, timestamp, tS, or t[ms] / t[s]) and no rateHz option", { line: header.line });
  }
  if (plan.time && opts.rateHz !== undefined) opts.onWarning?.(`${file}: has a time column '${plan.time.name}', so rateHz is ignored`);
  if (opts.rateHz !== undefined && !(opts.rateHz > 0 && Number.isFinite(opts.rateHz))) {
    throw new ImportError(file, `rateHz must be a positive number, got ${opts.rateHz}`);
  }
  if (plan.ignored.length > 0) opts.onWarning?.(`${file}: ignored columns ${plan.ignored.map((c) => `'${c}'`).join(", ")}`);

  const reader = new RowReader(file, plan, opts, header.cells.length);
  for (const row of rows) reader.read(row);
  const recordings = reader.finish();
  if (recordings.length === 0) throw new ImportError(file, "no samples after the header", { line: header.line });
  for (const r of recordings) unitsCheck(r, plan, file, opts);
  return recordings;
}

class RowReader {
  private readonly out: MotionRecording[] = [];
  private readonly seen = new Set<string>();
  private builder = new RecordingBuilder();
  private recordingKey: string | null = null;
  private groupValue: string | null = null;
  private readonly row = new Float64Array(SAMPLE_WIDTH);
  private readonly periodMs: number;
  private readonly prefix: string;
  private dropped = 0;

  constructor(
    private readonly file: string,
    private readonly plan: ColumnPlan,
    private readonly opts: CsvImportOptions,
    private readonly width: number,
  ) {
    this.periodMs = plan.time ? 0 : 1000 / opts.rateHz!;
    this.prefix = opts.idPrefix ?? fileBaseName(file);
  }

  read({ line, cells }: CsvLine): void {
    const { file, plan } = this;
    if (cells.length > this.width) throw new ImportError(file, `${cells.length} cells, but the header has ${this.width}`, { line });
    const cell = (i: number) => (i < 0 ? "" : (cells[i] ?? ""));

    if (plan.recording >= 0) this.recordingSwitch(cell(plan.recording), line);
    if (plan.group >= 0) this.groupCheck(cell(plan.group), line);

    const row = this.row;
    row.fill(NaN);
    if (plan.time) {
      const t = cell(plan.time.index);
      if (t === "") throw new ImportError(file, `empty cell in time column ${plan.time.name}`, { line });
      row[F.tMs] = cellNumber(t, plan.time.name, file, line) * plan.time.toMs;
    } else {
      row[F.tMs] = (this.opts.startMs ?? 0) + this.builder.length * this.periodMs;
    }
    for (const c of plan.fields) {
      const v = cell(c.index);
      if (v === "") {
        if (c.field <= F.accelGZ) throw new ImportError(file, `empty cell in column ${c.name}`, { line });
        continue;
      }
      row[c.field] = cellNumber(v, c.name, file, line) * c.scale;
    }

    const t = row[F.tMs]!;
    const last = this.builder.lastTMs;
    if (t <= last) {
      if (t === last && this.opts.repeatedTimes === "drop") {
        this.dropped++;
        return;
      }
      throw new ImportError(file, `times not increasing: ${t} ms after ${last} ms`, { line });
    }
    this.builder.push(row, cell(plan.label));
  }

  finish(): MotionRecording[] {
    this.flush();
    if (this.dropped > 0) this.opts.onWarning?.(`${this.file}: dropped ${this.dropped} rows whose time repeats the previous row's`);
    return this.out;
  }

  private recordingSwitch(key: string, line: number): void {
    if (key === "") throw new ImportError(this.file, "empty cell in column recording", { line });
    if (key === this.recordingKey) return;
    if (this.seen.has(key)) {
      throw new ImportError(this.file, `recording '${key}' starts again after other recordings: keep each recording's rows together`, { line });
    }
    this.flush();
    this.seen.add(key);
    this.recordingKey = key;
  }

  private groupCheck(value: string, line: number): void {
    if (value === "") throw new ImportError(this.file, "empty cell in column group", { line });
    if (this.groupValue === null) this.groupValue = value;
    else if (value !== this.groupValue) {
      throw new ImportError(this.file, `group changes from '${this.groupValue}' to '${value}' inside one recording (add a recording column)`, { line });
    }
  }

  private flush(): void {
    if (this.builder.length > 0) {
      const id = this.recordingKey === null ? this.prefix : `${this.prefix}#${this.recordingKey}`;
      const group = this.groupValue ?? this.opts.group ?? id;
      this.out.push(this.builder.build({ id, group, source: this.file }));
    }
    this.builder = new RecordingBuilder();
    this.groupValue = null;
  }
}

/** Catches the commonest import mistakes (g read as m/s², a time column in another unit) while they are cheap to fix. */
function unitsCheck(r: MotionRecording, plan: ColumnPlan, file: string, opts: CsvImportOptions): void {
  const where = r.id === (opts.idPrefix ?? fileBaseName(file)) ? file : `${file} (${r.id})`;
  const warn = (what: string) => opts.onWarning?.(`${where}: ${what}`);
  let sum = 0;
  for (let i = 0; i < r.length; i++) {
    const o = i * SAMPLE_WIDTH;
    sum += Math.hypot(r.samples[o + F.accelGX]!, r.samples[o + F.accelGY]!, r.samples[o + F.accelGZ]!);
  }
  const meanMps2 = sum / r.length;
  if (plan.accelUnit === "mps2" && meanMps2 < 0.3 * STANDARD_GRAVITY_MPS2) {
    warn(`mean |accelG| is ${meanMps2.toFixed(2)} m/s², which looks like g: name the columns ax[g] ... or pass accelUnit g`);
  } else if (plan.accelUnit === "g" && meanMps2 > 4 * STANDARD_GRAVITY_MPS2) {
    warn(`mean |accelG| is ${(meanMps2 / STANDARD_GRAVITY_MPS2).toFixed(1)} g, which looks like m/s² read as g`);
  }
  const periodMs = r.length < 2 ? NaN : recordingDurationMs(r) / (r.length - 1);
  if (plan.time && (periodMs < 0.5 || periodMs > 1000)) {
    warn(`samples are ${periodMs.toPrecision(3)} ms apart on average: if '${plan.time.name}' is in another unit, say so, e.g. '${plan.time.name}[ns]'`);
  }
}
