/**
 * The gateway: a WebSocket server on loopback. Each connection is a session (new, or resumed by
 * id); each message is one Engine method, checked by the policy and run on dockerd for that session.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { EngineError } from "../simulator/backend/errors.ts";
import type { GatewayMessage, GatewayRequest } from "../simulator/backend/remote-engine.ts";
import type { ExecConfig } from "../simulator/backend/api-types.ts";
import { DockerClient, DockerUnreachableError, readAll } from "./docker-client.ts";
import { defaultPolicy, PolicyError, type Policy } from "./policy.ts";
import { ContainerService, engineError, unmap, type CallContext } from "./session-engine.ts";
import { ImageService } from "./session-images.ts";
import { hostRequest } from "./host-request.ts";
import { ResourceService } from "./session-resources.ts";
import { SessionRegistry, type Quotas, type Session } from "./sessions.ts";

export interface GatewayOptions {
  docker: DockerClient;
  policy?: Policy;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Page origins allowed to connect (the site's). */
  origins?: string[];
  scope?: string;
  idleMs?: number;
  reapEveryMs?: number;
  quotas?: Partial<Quotas>;
  /** How often the gateway checks that dockerd answers. */
  healthEveryMs?: number;
  /** Remove leftovers of this scope at start-up (default true). */
  sweep?: boolean;
}

export interface Gateway {
  url: string;
  port: number;
  token: string;
  registry: SessionRegistry;
  /** Set while dockerd does not answer. */
  readonly engineDown: boolean;
  close(): Promise<void>;
}

export const defaultOrigins = ["http://localhost:4321", "http://127.0.0.1:4321"];

type Handler = (params: unknown[], ctx: CallContext & { established: () => void; id: number }) => Promise<unknown>;

/** One browser connection: its session's services and the method table. */
function handlers(session: Session, docker: DockerClient, registry: SessionRegistry, policy: Policy, events: (on: boolean) => void): Record<string, Handler> {
  const images = new ImageService(docker, session, registry, policy);
  const containers = new ContainerService(docker, session, registry, policy, images);
  const resources = new ResourceService(docker, session, registry, containers, images);
  const p = (params: unknown[], i: number) => params[i] as never;
  // Open interactive shells of this connection, by the id of the call that opened them.
  // Input may arrive while the shell is still being attached: it waits for it.
  const consoles = new Map<number, Promise<(text: string) => void>>();
  // The host's curl and wget: a few requests at a time per connection, each within its own limits.
  let hostRequests = 0;
  return {
    consoleOpen: async (a, ctx) => {
      let ready!: (input: (text: string) => void) => void;
      let failed!: (error: unknown) => void;
      const input = new Promise<(text: string) => void>((resolve, reject) => ((ready = resolve), (failed = reject)));
      input.catch(() => {});
      consoles.set(ctx.id, input);
      try {
        return await containers.console(p(a, 0), (p(a, 1) as ExecConfig | null) ?? null, ctx, ready);
      } catch (error) {
        failed(error);
        throw error;
      } finally {
        consoles.delete(ctx.id);
      }
    },
    consoleInput: async (a) => {
      const input = consoles.get(Number(a[0]));
      if (!input) throw new EngineError(404, "that shell has ended");
      (await input)(String(a[1] ?? ""));
    },
    hostRequest: async (a, ctx) => {
      if (hostRequests >= 8) throw new EngineError(429, "too many requests to published ports at once; wait for one to finish", "system");
      hostRequests += 1;
      try {
        return await hostRequest(() => containers.own({ status: ["running"] }, { all: false }), docker.endpoint, a[0], a[1], ctx.signal);
      } finally {
        hostRequests -= 1;
      }
    },
    version: () => docker.json("GET", "/version"),
    info: () => resources.info(),
    imagePull: (a, ctx) => images.pull(p(a, 0), p(a, 1) ?? {}, ctx),
    imageList: () => images.list(),
    imageInspect: (a) => images.inspect(p(a, 0)),
    imageRemove: (a) => images.remove(p(a, 0), p(a, 1) ?? {}),
    imageTag: (a) => images.tag(p(a, 0), p(a, 1)),
    imageHistory: (a) => images.history(p(a, 0)),
    imageSearch: async (a) => docker.json("GET", "/images/search", { query: { term: String(p(a, 0)), limit: (p(a, 1) as { limit?: number } | undefined)?.limit } }),
    imagePrune: (a) => images.prune(p(a, 0) ?? {}),
    imagePush: async () => {
      throw new PolicyError("pushing images (the gateway keeps images on this machine)");
    },
    imageBuild: (a, ctx) => images.build(p(a, 0), p(a, 1) ?? {}, ctx),
    systemAuth: async () => {
      throw new PolicyError("registry logins (the gateway holds no credentials)");
    },
    containerCreate: (a) => containers.create(p(a, 0), p(a, 1) ?? {}),
    containerStart: (a) => containers.start(p(a, 0)),
    containerStop: (a) => containers.stop(p(a, 0), p(a, 1) ?? {}),
    containerRestart: (a) => containers.stop(p(a, 0), p(a, 1) ?? {}, "restart"),
    containerKill: (a) => containers.simple(p(a, 0), "kill", { signal: (p(a, 1) as string | undefined) || undefined }),
    containerPause: (a) => containers.simple(p(a, 0), "pause"),
    containerUnpause: (a) => containers.simple(p(a, 0), "unpause"),
    containerRename: (a) => containers.rename(p(a, 0), p(a, 1)),
    containerTop: (a) => containers.top(p(a, 0), p(a, 1)),
    containerChanges: (a) => containers.changes(p(a, 0)),
    containerStats: (a) => containers.stats(p(a, 0)),
    containerStatPath: (a) => containers.statPath(p(a, 0), p(a, 1)),
    containerArchive: (a) => containers.archive(p(a, 0), p(a, 1)),
    containerExtract: (a) => containers.extract(p(a, 0), p(a, 1), p(a, 2)),
    systemEvents: (a, ctx) => resources.events(ctx.signal, (e) => ctx.emit(e), p(a, 0) ?? {}),
    containerCommit: async (a) => images.commit(await containers.resolve(p(a, 0)), p(a, 1) ?? {}),
    containerPrune: () => containers.prune(),
    containerExec: (a, ctx) => containers.exec(p(a, 0), p(a, 1), p(a, 2) ?? {}, ctx),
    containerAttach: (a, ctx) => containers.attach(p(a, 0), p(a, 1) ?? {}, ctx, ctx.established),
    containerWait: (a, ctx) => containers.wait(p(a, 0), ctx.signal),
    containerList: (a) => containers.list(p(a, 0) ?? {}),
    containerInspect: (a) => containers.inspect(p(a, 0)),
    containerRemove: (a) => containers.remove(p(a, 0), p(a, 1) ?? {}),
    containerLogs: (a, ctx) => containers.logs(p(a, 0), p(a, 1) ?? {}, ctx),
    systemDf: () => resources.systemDf(),
    volumeCreate: (a) => resources.volumeCreate(p(a, 0) ?? {}),
    volumeList: () => resources.volumeList(),
    volumeInspect: (a) => resources.volumeInspect(p(a, 0)),
    volumeRemove: (a) => resources.volumeRemove(p(a, 0), p(a, 1) ?? {}),
    volumePrune: (a) => resources.volumePrune(p(a, 0) ?? {}),
    networkCreate: (a) => resources.networkCreate(p(a, 0), p(a, 1) ?? {}),
    networkList: () => resources.networkList(),
    networkInspect: (a) => resources.networkInspect(p(a, 0)),
    networkRemove: (a) => resources.networkRemove(p(a, 0)),
    networkConnect: (a) => resources.networkConnect(p(a, 0), p(a, 1), p(a, 2) ?? {}),
    networkDisconnect: (a) => resources.networkDisconnect(p(a, 0), p(a, 1)),
    networkPrune: () => resources.networkPrune(),
    subscribe: async () => events(true),
    unsubscribe: async () => events(false),
    // used by the events stream below, not a client method
    "#events": async (_a, ctx) => resources.events(ctx.signal, (e) => ctx.emit(e)),
  };
}

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Start a gateway: sweep leftovers of its scope, listen, reap idle sessions, watch dockerd. */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { docker } = options;
  const policy = options.policy ?? defaultPolicy;
  const token = options.token ?? randomBytes(24).toString("base64url");
  const origins = new Set(options.origins ?? defaultOrigins);
  const registry = new SessionRegistry(docker, { ...(options.scope ? { scope: options.scope } : {}), ...(options.idleMs !== undefined ? { idleMs: options.idleMs } : {}), ...(options.quotas ? { quotas: options.quotas } : {}) });
  let engine = await docker.negotiate();
  if (options.sweep !== false) await registry.sweep();
  registry.startReaper(options.reapEveryMs ?? 60_000);

  const connections = new Set<{ ws: WebSocket; restartEvents: () => void }>();
  let engineDown = false;
  const broadcast = (message: GatewayMessage) => {
    for (const c of connections) if (c.ws.readyState === 1) c.ws.send(JSON.stringify(message));
  };
  const health = setInterval(() => {
    docker.stream("GET", "/_ping").then(readAll).then(
      async () => {
        if (!engineDown) return;
        engineDown = false;
        engine = await docker.negotiate().catch(() => engine);
        broadcast({ notice: { state: "engine-up", message: "the Docker engine answers again; containers that were running when it stopped have exited (restart them, or run new ones)" } });
        for (const c of connections) c.restartEvents();
      },
      (error: unknown) => {
        if (engineDown || !(error instanceof DockerUnreachableError)) return;
        engineDown = true;
        broadcast({ notice: { state: "engine-down", message: "the Docker engine behind the gateway stopped answering (it may be restarting); commands fail until it is back" } });
      },
    );
  }, options.healthEveryMs ?? 1000);
  health.unref();

  const http: Server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Dockyard gateway: open the site with ?engine=ws://...&token=... (npm run gateway prints the address).\n");
    void req;
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://gateway");
    const deny = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${text}\n`);
    };
    const origin = req.headers.origin;
    if (!safeEqual(url.searchParams.get("token") ?? "", token)) return deny(401, "Unauthorized: the token is missing or wrong");
    if (!origin || !(origins.has(origin) || origins.has("*"))) return deny(403, `Forbidden: the origin ${origin ?? "(none)"} is not allowed (start the gateway with --origin ${origin ?? "URL"})`);
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, url.searchParams.get("session") ?? undefined));
  });

  function serve(ws: WebSocket, resume: string | undefined): void {
    const session = registry.open(resume);
    const calls = new Map<number, AbortController>();
    let barrier: Promise<void> = Promise.resolve();
    let eventsCall: AbortController | undefined;
    const send = (m: GatewayMessage) => ws.readyState === 1 && ws.send(JSON.stringify(m));
    const table = handlers(session, docker, registry, policy, (on) => {
      eventsCall?.abort();
      eventsCall = undefined;
      if (on) startEvents();
    });
    function startEvents() {
      const controller = new AbortController();
      eventsCall = controller;
      table["#events"]!([], { id: -1, signal: controller.signal, emit: (e) => send({ event: unmap(e as never, session) }), established: () => {} }).catch(() => {});
    }
    const connection = { ws, restartEvents: () => eventsCall && startEvents() };
    connections.add(connection);

    ws.on("message", (data) => {
      registry.touch(session);
      let request: GatewayRequest;
      try {
        request = JSON.parse(String(data)) as GatewayRequest;
      } catch {
        return;
      }
      if (typeof request !== "object" || request === null || typeof request.id !== "number") return;
      if ("cancel" in request) {
        calls.get(request.id)?.abort();
        return;
      }
      const id = request.id;
      const handler = typeof request.method === "string" && !request.method.startsWith("#") && Object.hasOwn(table, request.method) ? table[request.method] : undefined;
      if (!handler || !Array.isArray(request.params)) {
        send({ id, error: { status: 400, message: `the gateway has no method ${JSON.stringify(request.method)}`, code: "invalid-parameter" } });
        return;
      }
      const controller = new AbortController();
      calls.set(id, controller);
      // An attach must be in place before the start that follows it on the wire.
      let established!: () => void;
      const isAttach = request.method === "containerAttach";
      const wait = barrier;
      if (isAttach) barrier = barrier.then(() => new Promise<void>((resolve) => (established = resolve)));
      const ctx = { id, signal: controller.signal, emit: (item: unknown) => send({ id, item: unmap(item, session) }), established: () => established?.() };
      wait
        .then(() => handler(request.params, ctx))
        .then(
          (result) => send({ id, result: unmap(result, session) ?? null }),
          (error: unknown) => {
            const e = engineError(error, session);
            if (controller.signal.aborted) return;
            if (e instanceof EngineError) send({ id, error: { status: e.statusCode, message: e.message, code: e.code } });
            else send({ id, error: { status: 500, message: `gateway: ${e instanceof Error ? e.message : String(e)}`, code: "system" } });
          },
        )
        .finally(() => {
          calls.delete(id);
          if (isAttach) established?.();
        });
    });
    ws.on("close", () => {
      for (const c of calls.values()) c.abort();
      eventsCall?.abort();
      connections.delete(connection);
      registry.release(session);
    });
    send({ hello: { session: session.id, engine: { Version: String(engine["Version"] ?? ""), ApiVersion: docker.apiVersion ?? "" }, policy: { images: policy.images, publicPorts: policy.allowPublicPorts } } });
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 2376, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const host = options.host ?? "127.0.0.1";
  return {
    url: `ws://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    token,
    registry,
    get engineDown() {
      return engineDown;
    },
    async close() {
      clearInterval(health);
      registry.stopReaper();
      for (const c of connections) c.ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
