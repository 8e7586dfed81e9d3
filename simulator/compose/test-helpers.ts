// Shared by the tests (no Node imports here: the test files bring node:fs themselves).
import type { ComposeHost } from "./model.ts";

/** ../shared/oracles, read in place by the tests that compare with upstream data. */
export const ORACLES = new URL("../../../shared/oracles/", import.meta.url).pathname;
export const COMPOSE_GO = `${ORACLES}compose-go/`;

export interface SyncFs {
  readFileSync(path: string, encoding: "utf8"): string;
  existsSync(path: string): boolean;
}

/** A ComposeHost over a synchronous file system (node:fs in tests). */
export function syncFsHost(fs: SyncFs, cwd: string, env: Record<string, string | undefined> = {}): ComposeHost {
  return {
    cwd,
    env,
    readFile: async (p) => fs.readFileSync(p, "utf8"),
    exists: async (p) => fs.existsSync(p),
  };
}
