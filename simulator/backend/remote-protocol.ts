/** The wire between RemoteEngine and the Dockyard gateway: its messages, the socket it needs, and small helpers. */
import type { EngineErrorCode } from "./errors.ts";
import type { DockerEvent } from "../engine/events.ts";

/** Client -> gateway: a call, or the cancel of one. */
export type GatewayRequest = { id: number; method: string; params: unknown[] } | { id: number; cancel: true };

/** Gateway -> client. */
export type GatewayMessage =
  | { hello: { session: string; engine: { Version: string; ApiVersion: string }; policy: { images: string[]; publicPorts: boolean } } }
  | { id: number; result: unknown }
  | { id: number; error: { status: number; message: string; code: EngineErrorCode } }
  | { id: number; item: unknown }
  | { event: DockerEvent }
  | { notice: { state: "engine-down" | "engine-up"; message: string } };

/** Where the connection stands, for the page's backend switch. */
export type RemoteStatus = { state: "connecting" } | { state: "open"; session: string; engineVersion: string } | { state: "engine-down" | "engine-up"; message: string } | { state: "closed"; message: string };

/** The WebSocket surface RemoteEngine needs (the browser's, Node's global one, or `ws`). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface RemoteEngineOptions {
  /** ws://127.0.0.1:2376 (the gateway prints it). */
  url: string;
  token: string;
  /** Resume a session after a reload or a dropped connection. */
  session?: string;
  /** Opens the socket; defaults to the global WebSocket. Node tests pass `ws` with an Origin header. */
  connect?: (url: string) => SocketLike;
  onStatus?: (status: RemoteStatus) => void;
  /** Each call as it goes out (the page draws client -> daemon traffic from it). */
  onCall?: (method: string, params: unknown[]) => void;
}

/** Text the terminal shows when the gateway goes away mid-command. */

/** A queue that an async iterator drains: stream items in, `end` or `fail` once. */
export class ItemQueue<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #done = false;
  #error: unknown;
  #wake: (() => void) | undefined;
  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }
  end(error?: unknown): void {
    this.#done = true;
    this.#error = error;
    this.#wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      if (this.#items.length) {
        yield this.#items.shift()!;
        continue;
      }
      if (this.#done) {
        if (this.#error !== undefined) throw this.#error;
        return;
      }
      await new Promise<void>((resolve) => (this.#wake = resolve));
      this.#wake = undefined;
    }
  }
}

/** Bytes as base64 (btoa, so it runs in the page as well as in Node), in chunks that spread safely into fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** base64 back to bytes (atob, for the page as well as Node). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const abortError = () => (typeof DOMException === "function" ? new DOMException("This operation was aborted", "AbortError") : new Error("aborted"));
