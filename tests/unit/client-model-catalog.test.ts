import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogErrors, catalogFetchFrom, catalogModel, catalogTarget, type ModelCatalog } from "@/lib/client/model-catalog";
import { catalogEntry, catalogVersion } from "@/tests/support/model-catalog-fixtures";

const REFUSED = ["model.json: weightsManifest lists group1-shard2of2.bin, which is missing"];

/** "wave" is both built in (with versions) and dropped into the user folder, where the copy is refused. */
const catalog: ModelCatalog = {
  revision: 4,
  models: [
    catalogEntry("wave", [], { source: "user", status: "error", errors: REFUSED }),
    catalogEntry("wave", [1, 2], { source: "builtin" }),
    catalogEntry("tilt", [1, 2, 3]),
    catalogEntry("broken", [], { status: "error", errors: ["manifest.json: input.rateHz must be positive"] }),
    catalogEntry("faded", [1], { status: "error", errors: ["model.json is not valid JSON"] }),
  ],
};

describe("catalogModel", () => {
  it("takes the entry that has versions when an id is listed twice, whatever the order", () => {
    expect(catalogModel(catalog, "wave")).toMatchObject({ source: "builtin", latest: 2 });
    const reversed = { ...catalog, models: [...catalog.models].reverse() };
    expect(catalogModel(reversed, "wave")).toMatchObject({ source: "builtin", latest: 2 });
  });

  it("falls back to a refused entry without versions, and to nothing for an unknown id", () => {
    expect(catalogModel(catalog, "broken")).toMatchObject({ status: "error", versions: [] });
    expect(catalogModel(catalog, "nope")).toBeUndefined();
  });
});

describe("catalogErrors", () => {
  it("explains a refused user copy of a built-in model even though the built-in one runs", () => {
    expect(catalogErrors(catalog, "wave")).toEqual(REFUSED);
  });

  it("gives the errors of a refused folder, and none for a good or unknown model", () => {
    expect(catalogErrors(catalog, "faded")).toEqual(["model.json is not valid JSON"]);
    expect(catalogErrors(catalog, "tilt")).toEqual([]);
    expect(catalogErrors(catalog, "nope")).toEqual([]);
  });

  it("ignores leftover errors of an entry whose status is not error", () => {
    const stale = { revision: 1, models: [catalogEntry("tilt", [1], { status: "removed", errors: ["old news"] })] };
    expect(catalogErrors(stale, "tilt")).toEqual([]);
  });
});

describe("catalogTarget", () => {
  it("follows the newest good version unless one is pinned", () => {
    expect(catalogTarget(catalog, "tilt", null)).toEqual(catalogVersion("tilt", 3));
    expect(catalogTarget(catalog, "tilt", 1)).toEqual(catalogVersion("tilt", 1));
  });

  it("runs the built-in versions of an id whose user copy is refused", () => {
    expect(catalogTarget(catalog, "wave", null)).toEqual(catalogVersion("wave", 2));
  });

  it("keeps the last good version of a folder that is now refused", () => {
    expect(catalogTarget(catalog, "faded", null)).toEqual(catalogVersion("faded", 1));
  });

  it("has nothing to run for an unknown id or a folder that never passed", () => {
    expect(catalogTarget(catalog, "nope", null)).toBeNull();
    expect(catalogTarget(catalog, "broken", null)).toBeNull();
  });
});

describe("catalogFetchFrom", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("reads GET /api/models on the given server", async () => {
    const fetchMock = vi.fn<(url: URL) => Promise<Response>>(async () => Response.json(catalog));
    vi.stubGlobal("fetch", fetchMock);
    await expect(catalogFetchFrom("http://127.0.0.1:3999/desktop?room=K7QM4X")()).resolves.toEqual(catalog);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toBe("http://127.0.0.1:3999/api/models");
  });

  it("rejects with the HTTP status when the server refuses", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("busy", { status: 503 })));
    await expect(catalogFetchFrom("http://127.0.0.1:3999")()).rejects.toThrow("GET /api/models failed: HTTP 503");
  });
});
