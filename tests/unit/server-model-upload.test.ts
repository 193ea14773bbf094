import { describe, expect, it } from "vitest";
import { uploadPathsNormalise } from "@/lib/server/model-upload";

describe("uploadPathsNormalise", () => {
  it("strips the folder a dropped directory brings along", () => {
    expect(uploadPathsNormalise(["my-model/manifest.json", "my-model/model.json", "my-model/weights/a.bin"])).toEqual({
      ok: true,
      paths: ["manifest.json", "model.json", "weights/a.bin"],
    });
  });

  it("keeps paths of loose files and of folders without one shared top", () => {
    expect(uploadPathsNormalise(["manifest.json", "model.json"])).toEqual({ ok: true, paths: ["manifest.json", "model.json"] });
    expect(uploadPathsNormalise(["a/model.json", "b/model.json"])).toEqual({ ok: true, paths: ["a/model.json", "b/model.json"] });
    expect(uploadPathsNormalise(["m/model.json", "manifest.json"])).toEqual({ ok: true, paths: ["m/model.json", "manifest.json"] });
  });

  it("accepts Windows separators, leading slashes and ./ segments", () => {
    expect(uploadPathsNormalise(["\\m\\model.json", "/m/./manifest.json"])).toEqual({ ok: true, paths: ["model.json", "manifest.json"] });
  });

  it("drops hidden files without letting them decide the shared top folder", () => {
    expect(uploadPathsNormalise([".DS_Store", "m/model.json", "m/.hidden/x.bin", "m/manifest.json"])).toEqual({
      ok: true,
      paths: [null, "model.json", null, "manifest.json"],
    });
  });

  it("refuses a path that climbs out of the folder", () => {
    const r = uploadPathsNormalise(["m/model.json", "m/../../etc/passwd"]);
    expect(r).toEqual({ ok: false, error: 'file path "m/../../etc/passwd" leaves the model folder' });
  });
});
