import { deflateRawSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sessionToJsonl } from "@/lib/data/export-jsonl";
import { ImportError } from "@/lib/data/import-error";
import { sessionFromJsonl } from "@/lib/data/import-jsonl";
import type { SessionData } from "@/lib/data/session-data";
import { sessionsFromFile } from "@/lib/data/session-import";
import { SAMPLE_WIDTH } from "@/lib/protocol/sample";
import { thrown } from "./import-error-thrown";

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (bytes: Uint8Array, name: string, maxBytes?: number) => thrown(() => sessionsFromFile(bytes, name, { maxBytes })).message;
const MB = 1024 * 1024;
const GOOD_CSV = "t_ms,ax,ay,az\n1700000000000,0,0,9.8\n1700000000010,0,0.1,9.8\n";

/** A small valid recording: header, 2 device lines, 3 samples each, 1 label. */
function smallJsonl(): string {
  const rows = (offsetMs: number) => {
    const samples = new Float64Array(3 * SAMPLE_WIDTH).fill(NaN);
    for (let i = 0; i < 3; i++) samples.set([1_700_000_000_000 + offsetMs + i * 10, 0, 0, 9.8], i * SAMPLE_WIDTH);
    return samples;
  };
  const session: SessionData = {
    name: "small",
    room: null,
    startedAtMs: 1_700_000_000_000,
    endedAtMs: 1_700_000_001_000,
    labelSet: ["tap"],
    devices: [
      { id: "phone-aaaa", name: "A", source: "phone", platform: "ios", clockOffsetMs: 0, samples: rows(0), length: 3 },
      { id: "phone-bbbb", name: "B", source: "phone", platform: "android", clockOffsetMs: 5, samples: rows(1), length: 3 },
    ],
    labels: [{ label: "tap", tStartMs: 1_700_000_000_005, tEndMs: 1_700_000_000_015 }],
    events: [],
    trim: null,
  };
  return sessionToJsonl(session);
}

/** Line `n` (1-based) replaced. */
function withLine(text: string, n: number, line: string): string {
  const lines = text.split("\n");
  lines[n - 1] = line;
  return lines.join("\n");
}

/** A zip local file header (PKWARE APPNOTE 4.3.7): signature, version, flags, method, time, date, crc, sizes, name. */
function zipLocalHeader(name: string, method: number, crc: number, compressedSize: number, uncompressedSize: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, 0x04034b50, true);
  header.setUint16(4, 20, true);
  header.setUint16(8, method, true);
  header.setUint32(14, crc, true);
  header.setUint32(18, compressedSize, true);
  header.setUint32(22, uncompressedSize, true);
  header.setUint16(26, name.length, true);
  return concat(new Uint8Array(header.buffer), utf8(name));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A complete one-file zip, stored (no compression): local header, data, central directory, end record. */
function zipOf(name: string, content: Uint8Array): Uint8Array {
  const crc = crc32(content);
  const local = zipLocalHeader(name, 0, crc, content.length, content.length);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(4, 20, true);
  central.setUint16(6, 20, true);
  central.setUint32(16, crc, true);
  central.setUint32(20, content.length, true);
  central.setUint32(24, content.length, true);
  central.setUint16(28, name.length, true);
  const directory = concat(new Uint8Array(central.buffer), utf8(name));
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, directory.length, true);
  end.setUint32(16, local.length + content.length, true);
  return concat(local, content, directory, new Uint8Array(end.buffer));
}

describe("sessionsFromFile refuses bad files with a sentence naming the file and the problem", () => {
  it("accepts the good file these cases break", () => {
    expect(sessionsFromFile(utf8(GOOD_CSV), "good.csv")[0]!.devices[0]!.length).toBe(2);
    expect(sessionsFromFile(utf8(smallJsonl()), "good.jsonl")[0]!.devices).toHaveLength(2);
  });

  it("wrong columns", () => {
    expect(refusal(utf8("when,what\n1,2\n"), "cols.csv")).toMatch(/^cols\.csv: not a motion format we read \(a CSV needs an accelerometer column such as accelGX or ax/);
    expect(refusal(utf8("t_ms,ax,ay\n1,0,0\n"), "axes.csv")).toBe("axes.csv: line 1: missing column accelGZ (ax is there: give all three axes)");
    const orient = (unit: string) => refusal(utf8(`t_ms,ax,ay,az,orientAlpha[${unit}],orientBeta,orientGamma\n1700000000000,0,0,9.8,1,2,3\n`), "o.csv");
    expect(orient("deg/s")).toBe("o.csv: line 1: column 'orientAlpha[deg/s]': orientation is read in degrees only: write [deg] or no unit");
    expect(orient("rad")).toMatch(/^o\.csv: line 1: column 'orientAlpha\[rad\]': unknown unit 'rad'/);
  });

  it("text in a number cell: names the line and the column", () => {
    expect(refusal(utf8("t_ms,ax,ay,az\n1700000000000,0,0,9.8\n1700000000010,abc,0,9.8\n"), "text.csv")).toBe("text.csv: line 3: text in a number column (ax): 'abc'");
  });

  it("a NaN cell", () => {
    expect(refusal(utf8("t_ms,ax,ay,az\n1700000000000,0,0,9.8\n1700000000010,NaN,0,9.8\n"), "nan.csv")).toBe("nan.csv: line 3: NaN in column ax");
  });

  it("an empty file and a whitespace-only file", () => {
    expect(refusal(new Uint8Array(0), "empty.csv")).toBe("empty.csv: the file is empty");
    expect(refusal(utf8(" \n\t\r\n  \n"), "blank.csv")).toBe("blank.csv: the file is empty (it holds only whitespace)");
  });

  it("a header and no samples", () => {
    expect(refusal(utf8("t_ms,ax,ay,az\n"), "head.csv")).toBe("head.csv: line 1: no samples after the header");
    const noSamples = smallJsonl()
      .split("\n")
      .filter((l) => !l.includes('"sample"'))
      .join("\n")
      .replace(/"samples":3/g, '"samples":0');
    expect(refusal(utf8(noSamples), "none.jsonl")).toBe("none.jsonl: no samples: the file holds no motion data");
  });

  it("100 MB over a 64 MB limit: refused by size before anything is read", () => {
    const started = performance.now();
    const big = Buffer.alloc(100 * MB, "1");
    expect(refusal(big, "huge.csv", 64 * MB)).toBe("huge.csv: the file is 100 MB, over the 64 MB limit for an import");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a zip file, even one holding a good CSV", () => {
    const zip = zipOf("good.csv", utf8(GOOD_CSV));
    expect(refusal(zip, "good.zip")).toBe(
      "good.zip: this is a zip file, and zip files are not accepted: unzip it and import the files one by one (an .xlsx spreadsheet is a zip too: save it as CSV)",
    );
    // Renaming it does not help: the bytes are checked, not the name.
    expect(refusal(zip, "good.csv")).toMatch(/^good\.csv: this is a zip file/);
  });

  it("a zip bomb: 4 GB claimed in a few bytes is refused without inflating anything", () => {
    // 16 MB of zeros deflate to ~16 kB; the header claims 4 GB, as a bomb's would.
    const deflated = deflateRawSync(Buffer.alloc(16 * MB));
    expect(deflated.length).toBeLessThan(64 * 1024);
    const bomb = concat(zipLocalHeader("data.csv", 8, 0, deflated.length, 0xffffffff), deflated);
    const started = performance.now();
    expect(refusal(bomb, "bomb.zip")).toMatch(/^bomb\.zip: this is a zip file, and zip files are not accepted: unzip it/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("gzip and other compressed files", () => {
    expect(refusal(gzipSync(utf8(GOOD_CSV)), "data.csv.gz")).toBe(
      "data.csv.gz: this is a gzip-compressed file, and compressed files are not accepted: decompress it and import the file inside",
    );
    expect(refusal(utf8("BZh91AY&SY"), "data.bz2")).toMatch(/^data\.bz2: this is a bzip2-compressed file/);
  });

  it("binary files and UTF-16 text", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(refusal(png, "photo.csv")).toBe("photo.csv: this is a binary file, not text (a zero byte at offset 8): import CSV, JSON or JSON Lines text");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(Buffer.from("t_ms,ax\n", "utf16le"))]);
    expect(refusal(utf16, "excel.csv")).toBe("excel.csv: this is UTF-16 text: save it as UTF-8 and import it again");
  });

  it("invalid UTF-8: names the byte and its line", () => {
    const latin1 = Buffer.from("t_ms,ax,ay,az,label\n1700000000000,0,0,9.8,caf\xe9\n", "latin1");
    expect(refusal(latin1, "latin1.csv")).toBe('latin1.csv: not UTF-8 text (byte 0xE9 at line 2): save the file as UTF-8 (in Excel: "CSV UTF-8") and import it again');
  });

  it("JSON Lines with a bad line 7 names line 7", () => {
    const text = smallJsonl();
    expect(text.split("\n")[6]).toMatch(/^\{"type":"sample"/);
    const bad = withLine(text, 7, '{"type":"sample","device":"phone-bbbb","s":[1700000000011,"abc",0,9.8,null,null,null,null,null,null,null,null,null]}');
    expect(refusal(utf8(bad), "rec.jsonl")).toBe("rec.jsonl: line 7: s[1] (accelGX): text in a number field: 'abc'");
  });

  it('JSON Lines with "NaN" as text or as a bare word', () => {
    const text = smallJsonl();
    const quoted = withLine(text, 5, '{"type":"sample","device":"phone-aaaa","s":[1700000000000,0,0,9.8,"NaN",null,null,null,null,null,null,null,null]}');
    expect(refusal(utf8(quoted), "q.jsonl")).toBe("q.jsonl: line 5: s[4] (accelX): 'NaN' is text, and JSON has no NaN or Infinity (write null for a missing value)");
    const bare = withLine(text, 5, '{"type":"sample","device":"phone-aaaa","s":[1700000000000,0,0,9.8,NaN,null,null,null,null,null,null,null,null]}');
    expect(refusal(utf8(bare), "b.jsonl")).toBe("b.jsonl: line 5: NaN and Infinity are not JSON: write null for a missing value");
  });

  it("JSON Lines: wrong types, order and times", () => {
    const text = smallJsonl();
    const lines = text.split("\n");
    const fail = (t: string) => thrown(() => sessionFromJsonl(t, "r.jsonl")).message;
    expect(fail(lines.slice(1).join("\n"))).toBe(`r.jsonl:1: the first line must be the recording header {"type":"wristlab-recording",...}, found type 'device'`);
    expect(fail(withLine(text, 2, lines[1]!.replace('"clockOffsetMs":0', '"clockOffsetMs":"0"')))).toBe("r.jsonl:2: clockOffsetMs: text in a number field: '0'");
    expect(fail(withLine(text, 2, lines[1]!.replace('"source":"phone"', '"source":"tablet"')))).toBe("r.jsonl:2: source: 'tablet' is not one of phone, sim, replay, native");
    expect(fail([lines[0], lines[3], lines[1], lines[2], ...lines.slice(4)].join("\n"))).toBe("r.jsonl:2: sample for device 'phone-aaaa' before its device line");
    expect(fail(withLine(text, 5, lines[3]!))).toBe("r.jsonl:5: times not increasing for device 'phone-aaaa': 1700000000000 ms after 1700000000000 ms");
    expect(fail(withLine(text, 4, ""))).toBe("r.jsonl:2: device 'phone-aaaa' has 2 sample lines, but its device line says 3: the file looks cut short or edited");
    expect(fail(lines.filter((l) => !l.includes('"type":"label"')).join("\n"))).toBe("r.jsonl:1: 0 label lines, but the header says 1: the file looks cut short or edited");
    expect(fail(`{"type":"wristlab-recording","version":2}`)).toBe("r.jsonl:1: version 2 is newer than this reader (it reads 1): update Wristlab");
    const label = lines.findIndex((l) => l.includes('"type":"label"')) + 1;
    expect(fail(withLine(text, label, '{"type":"label","label":"a,b","tStartMs":1700000000005,"tEndMs":1700000000015}'))).toBe(
      `r.jsonl:${label}: label: a label may not contain commas, quotes or line breaks (it becomes a CSV cell)`,
    );
  });

  it("every refusal is an ImportError", () => {
    expect(() => sessionsFromFile(new Uint8Array([0x1f, 0x8b, 8]), "x.gz")).toThrow(ImportError);
  });
});
