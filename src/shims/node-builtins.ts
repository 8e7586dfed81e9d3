/**
 * Browser stand-ins for the Node built-ins that just-bash's Node build imports (see astro.config.mjs).
 * Dockyard only uses just-bash's in-memory file systems and its shell, so the parts that touch the real
 * machine (real-disk file systems, DNS, worker threads, require) are never reached in the browser;
 * if one ever is, it fails loudly instead of doing something half right.
 */
import { Buffer } from "buffer";

// Node's global Buffer: just-bash's commands (base64, gzip, tar, jq) use it; the browser has none.
(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;

const unavailable = (what: string) => (): never => {
  throw new Error(`${what} is not available in the browser`);
};

// node:module: every just-bash chunk starts with `const require = createRequire(import.meta.url)`.
export const createRequire = () => (id: string) => unavailable(`require("${id}")`)();
export const Module = {};


// node:async_hooks: only for just-bash's defense-in-depth, which Dockyard turns off.
export class AsyncLocalStorage<T> {
  getStore(): T | undefined {
    return undefined;
  }
  run<R>(_store: T, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    return callback(...args);
  }
}

// node:crypto
export const randomBytes = (size: number) => globalThis.crypto.getRandomValues(new Uint8Array(size));
export const randomUUID = () => globalThis.crypto.randomUUID();
export const createHash = unavailable("node:crypto createHash");

// node:fs, node:fs/promises (just-bash's real-disk file systems)
export const promises = {};
export const constants = {};
export const realpathSync = unavailable("node:fs");
export const readdirSync = unavailable("node:fs");
export const lstatSync = unavailable("node:fs");
export const statSync = unavailable("node:fs");
export const readlinkSync = unavailable("node:fs");
export const existsSync = () => false;
export const open = unavailable("node:fs/promises");

// node:path (only used next to node:fs)
export const sep = "/";
export const posix = {};
export const win32 = {};
export const join = unavailable("node:path");
export const resolve = unavailable("node:path");
export const dirname = unavailable("node:path");
export const basename = unavailable("node:path");
export const relative = unavailable("node:path");
export const isAbsolute = unavailable("node:path");

// node:dns, node:url, node:worker_threads (curl's DNS check, python3 / js-exec / sqlite3 workers)
export const lookup = unavailable("node:dns");
export const fileURLToPath = unavailable("node:url");
export const pathToFileURL = unavailable("node:url");
export class Worker {
  constructor() {
    unavailable("node:worker_threads")();
  }
}
export const parentPort = null;
export const workerData = undefined;
export const isMainThread = true;

export default {};
