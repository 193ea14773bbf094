import { describe, expect, it } from "vitest";
import { sensorFieldOf } from "@/lib/data/channel-aliases";
import { cellNumber, csvSplit } from "@/lib/data/csv-lines";
import { ImportError, jsonPathText } from "@/lib/data/import-error";
import { unitParse } from "@/lib/data/import-units";
import { jsonTextParse } from "@/lib/data/json-read";

describe("csvSplit", () => {
  it("finds the header after leading blank lines and a byte-order mark, keeping line numbers", () => {
    const { header, rows } = csvSplit("\uFEFF\n\ntMs\tax\r\n1\t2\r\n\r\n3\t4", "t.csv");
    expect(header).toEqual({ line: 3, cells: ["tMs", "ax"] });
    expect([...rows]).toEqual([
      { line: 4, cells: ["1", "2"] },
      { line: 6, cells: ["3", "4"] },
    ]);
  });

  it("reads quoted cells with delimiters and doubled quotes inside", () => {
    const { rows } = csvSplit('a,b,c\n1, "x, ""y""" ,3\n', "t.csv");
    expect([...rows][0]!.cells).toEqual(["1", 'x, "y"', "3"]);
    expect(() => [...csvSplit('a,b\n"x" y,1\n', "t.csv").rows]).toThrow(/^t\.csv:2:4: text after a quoted cell: 'y'$/);
  });
});

describe("cellNumber", () => {
  it("takes decimal numbers only", () => {
    expect(["1", "-2.5", "+.5", "1e-3", "7."].map((c) => cellNumber(c, "ax", "f", 2))).toEqual([1, -2.5, 0.5, 0.001, 7]);
    for (const bad of ["0x10", "1,5", "1 2", "--1"]) expect(() => cellNumber(bad, "ax", "f", 2)).toThrow(/^f:2: text in a number column \(ax\)/);
    expect(() => cellNumber("nan", "ax", "f", 2)).toThrow("f:2: NaN in column ax");
    expect(() => cellNumber("-inf", "ax", "f", 2)).toThrow("f:2: infinite value in column ax: '-inf'");
  });
});

describe("names and units", () => {
  it("maps common spellings to wire fields, gravity-including accelerometers to accelG*", () => {
    const names = ["ax", "aX", "acc_x", "x_acc", "accX", "accelGX", "Accelerometer X", "accelX", "accel_x", "gx", "gyrX", "x_gyro", "orientBeta", "alpha", "temp", "x_accel", "linear_acceleration_y", "rotationRateZ"];
    expect(names.map(sensorFieldOf)).toEqual(["accelGX", "accelGX", "accelGX", "accelGX", "accelGX", "accelGX", "accelGX", "accelX", "accelX", "gyroX", "gyroX", "gyroX", "orientBeta", null, null, "accelGX", "accelY", "gyroZ"]);
  });

  it("reads unit spellings loosely", () => {
    expect(["m/s^2", "M/S2", "m/s²", "g", "deg/s", "dps", "°/s", "rad / s", "s", "furlong"].map((u) => unitParse(u)?.unit ?? null)).toEqual([
      "mps2",
      "mps2",
      "mps2",
      "g",
      "degps",
      "degps",
      "degps",
      "radps",
      "s",
      null,
    ]);
  });
});

describe("ImportError and JSON places", () => {
  it("formats line, line:column and JSON path places", () => {
    expect(new ImportError("a.csv", "why", { line: 3 }).message).toBe("a.csv:3: why");
    expect(new ImportError("a.csv", "why", { line: 3, column: 9 }).message).toBe("a.csv:3:9: why");
    const e = new ImportError("a.json", "why", { jsonPath: "$.x[1]" });
    expect([e.message, e.jsonPath, e.line, e.name]).toEqual(["a.json: at $.x[1]: why", "$.x[1]", undefined, "ImportError"]);
    expect(new ImportError("a", "why").message).toBe("a: why");
    expect(jsonPathText(["payload", "values", 12, 3])).toBe("$.payload.values[12][3]");
    expect(jsonPathText([0, "dataset.json", "a b"])).toBe('$[0]["dataset.json"]["a b"]');
  });

  it("locates JSON syntax errors V8 reports without a position", () => {
    const e = (() => {
      try {
        jsonTextParse('{\n  "a": [1,\n   2,, 3]\n}', "x.json");
      } catch (err) {
        return err as ImportError;
      }
    })();
    expect([e?.line, e?.place]).toEqual([3, { line: 3, column: 6 }]);
    expect(e?.message).toBe("x.json:3:6: not valid JSON: Unexpected token ','");
  });
});
