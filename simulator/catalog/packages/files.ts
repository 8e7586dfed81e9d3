/**
 * What package managers write: executables that name the program model they run, and the
 * bulk of a package (its libraries and data) as zero-filled content, so layer sizes are real.
 */

const MARKER = /^\x7fELF \(simulated executable: ([\w.+-]+)\)\n/;
/** A console script (pip's `flask`, `gunicorn`) names its model in a comment after the shebang. */
const SCRIPT_MARKER = /^#![^\n]*\n(?:#[^\n]*\n)*?# Dockyard program: ([\w.+-]+)\n/;

/** An executable's content that makes the runtime run program model `model`. */
export const programFile = (model: string) => `\x7fELF (simulated executable: ${model})\n`;

/** The program model an executable's content names, if any. */
export function modelOf(content: string | Uint8Array): string | undefined {
  const head = typeof content === "string" ? content.slice(0, 200) : new TextDecoder().decode(content.subarray(0, 200));
  return MARKER.exec(head)?.[1] ?? SCRIPT_MARKER.exec(head)?.[1];
}

const MAX_CHUNK = 16 * 1024 * 1024;
let zeros: Uint8Array | undefined;

/**
 * `bytes` of package content split over files under `dir` (`libpython2.7.so.1.0`, ...): views of one
 * shared zero buffer, so a 100 MB install costs no memory per layer.
 */
export function payload(dir: string, name: string, bytes: number): Record<string, Uint8Array> {
  zeros ??= new Uint8Array(MAX_CHUNK);
  const out: Record<string, Uint8Array> = {};
  let left = Math.max(0, Math.round(bytes));
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, MAX_CHUNK);
    out[`${dir}/${i === 0 ? name : `${name}.${i}`}`] = zeros.subarray(0, size);
    left -= size;
  }
  return out;
}
