import { ImportError } from "@/lib/data/import-error";

/** The ImportError `fn` throws; fails the test when it throws nothing or something else. */
export function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error("expected an ImportError");
}
