/** GET /containers/json: the containers `docker ps` lists, newest first, as the API summarises them. */
import type { ContainerSummary } from "../backend/engine.ts";
import type { Daemon } from "./daemon.ts";
import { imageSize } from "./image-store.ts";
import { apiPorts } from "./ports.ts";
import { shellQuote } from "./runtime.ts";

/** Running (and restarting) containers, or all of them; `size` adds the writable layer's and the whole rootfs's bytes. */
export function containerSummaries(d: Daemon, all: boolean, size: boolean): ContainerSummary[] {
  const now = d.clock.now();
  return [...d.containers.values()]
    .filter((c) => all || c.running || c.status === "restarting")
    .sort((a, b) => b.created - a.created || b.seq - a.seq)
    .map((c) => ({
      Id: c.id,
      Names: [`/${c.name}`],
      Image: c.imageRef,
      ImageID: c.image.id,
      Command: [c.path, shellQuote(c.args)].filter(Boolean).join(" "),
      Created: Math.floor(c.created / 1000),
      State: c.status,
      Status: c.statusText(now),
      Ports: apiPorts(c.ports, Object.keys(c.config.ExposedPorts ?? {})),
      Labels: { ...c.config.Labels },
      ...(size ? { SizeRw: c.sizeRw(), SizeRootFs: c.sizeRw() + imageSize(c.image) } : {}),
    }));
}
