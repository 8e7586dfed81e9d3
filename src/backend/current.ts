/**
 * Which engine the page's terminal runs on: the simulated one (default) or a real Docker engine
 * through the Dockyard gateway. The choice comes from `?engine=ws://...&token=...` (what
 * `npm run gateway` prints) or from the backend switch, and lasts for the browser tab.
 */
import type { Engine } from "../../simulator/backend/engine.ts";
import type { RemoteEngine, RemoteStatus } from "../../simulator/backend/remote-engine.ts";
import type { Simulator } from "../../simulator/index.ts";
import { simEvent, type SimEventDetail } from "../terminal/events.ts";

export type BackendChoice = { kind: "simulated" } | { kind: "real"; url: string; token: string };

/** What the page knows about the backend, announced on `document` as `dockyard:backend`. */
export type BackendState =
  | { state: "simulated" }
  | { state: "connecting"; url: string }
  | { state: "connected"; url: string; engineVersion: string; session: string }
  | { state: "unreachable"; url: string; message: string }
  | { state: "engine-down" | "engine-up"; url: string; message: string }
  | { state: "lost"; url: string; message: string };

export const backendEvent = "dockyard:backend";
const storageKey = "dockyard:backend";
const sessionKey = (url: string) => `dockyard:gateway-session:${url}`;

let last: BackendState = { state: "simulated" };

function announce(state: BackendState): void {
  last = state;
  document.dispatchEvent(new CustomEvent<BackendState>(backendEvent, { detail: state }));
}

/** The latest state (for a switch that renders after the terminal connected). */
export const backendState = (): BackendState => last;

const storage = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/** A gateway address must be ws:// or wss://. */
export function validGatewayUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === "ws:" || url.protocol === "wss:" ? url.toString().replace(/\/$/, "") : undefined;
  } catch {
    return undefined;
  }
}

/** The tab's choice: the page's query first (and remembered), then what the switch stored. */
export function backendChoice(location: { search: string } = window.location): BackendChoice {
  const params = new URLSearchParams(location.search);
  const engine = params.get("engine");
  const token = params.get("token");
  if (engine && token && validGatewayUrl(engine)) {
    const choice: BackendChoice = { kind: "real", url: validGatewayUrl(engine)!, token };
    storage()?.setItem(storageKey, JSON.stringify(choice));
    return choice;
  }
  try {
    const stored = JSON.parse(storage()?.getItem(storageKey) ?? "null") as BackendChoice | null;
    if (stored?.kind === "real" && typeof stored.url === "string" && typeof stored.token === "string") return stored;
  } catch {
    /* nothing stored */
  }
  return { kind: "simulated" };
}

/** Store a choice and reload: the terminal is built once per page, on the engine chosen. */
export function chooseBackend(choice: BackendChoice): void {
  storage()?.setItem(storageKey, JSON.stringify(choice));
  const url = new URL(window.location.href);
  url.searchParams.delete("engine");
  url.searchParams.delete("token");
  window.location.assign(url.toString());
}

let connecting: Promise<Engine | undefined> | undefined;
let remote: RemoteEngine | undefined;

/**
 * The hook the terminal calls before it builds its simulator: a connected RemoteEngine when the tab
 * chose the real engine and the gateway answers; undefined (the simulated engine) otherwise, after
 * announcing why.
 */
export function backendEngine(): Promise<Engine | undefined> {
  connecting ??= connect();
  return connecting;
}

async function connect(): Promise<Engine | undefined> {
  const choice = backendChoice();
  if (choice.kind === "simulated") {
    announce({ state: "simulated" });
    return undefined;
  }
  const { RemoteEngine } = await import("../../simulator/backend/remote-engine.ts");
  const { url } = choice;
  let opened = false;
  const onStatus = (status: RemoteStatus) => {
    if (status.state === "open") {
      opened = true;
      storage()?.setItem(sessionKey(url), status.session);
      announce({ state: "connected", url, engineVersion: status.engineVersion, session: status.session });
    } else if (status.state === "closed" && opened) announce({ state: "lost", url, message: status.message });
    else if (status.state === "engine-down" || status.state === "engine-up") announce({ state: status.state, url, message: status.message });
  };
  const session = storage()?.getItem(sessionKey(url)) ?? undefined;
  // The architecture view draws from the simulator's traces: feed them the calls and the engine's events.
  const { apiRequest } = await import("./api-trace.ts");
  let traces: Simulator["traces"] | undefined;
  const onCall = (method: string, params: unknown[]) => {
    const request = apiRequest(method, params);
    if (request && traces) traces.emit({ kind: "api", from: "client", to: "daemon", method: request[0], path: request[1] });
  };
  document.addEventListener(simEvent, (event) => {
    const sim = (event as CustomEvent<SimEventDetail>).detail.sim;
    if (sim.engine !== remote) return;
    traces = sim.traces;
    sim.engine.subscribe((e) => traces?.emit({ kind: "engine", event: e }));
  });
  remote = new RemoteEngine({ url, token: choice.token, ...(session ? { session } : {}), onStatus, onCall });
  announce({ state: "connecting", url });
  try {
    await remote.connect();
    return remote;
  } catch (error) {
    announce({ state: "unreachable", url, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
