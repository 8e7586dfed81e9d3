/** Published ports: host ports bound while a container runs, as docker-proxy holds them. */
import type { PortBinding } from "../backend/engine.ts";
import { conflict } from "../backend/errors.ts";

/** One bound port: the container's `80/tcp` on the host's `0.0.0.0:8080` (and `[::]:8080`). */
export interface BoundPort {
  containerPort: number;
  proto: string;
  hostIp: string;
  hostPort: number;
}

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

export class PortAllocator {
  /** `proto/port` -> the owner and the address it holds. */
  readonly #taken = new Map<string, { owner: string; ip: string }>();
  #nextEphemeral = EPHEMERAL_FIRST;

  #free(proto: string, port: number, ip: string): boolean {
    const held = this.#taken.get(`${proto}/${port}`);
    return !held || (held.ip !== "" && ip !== "" && held.ip !== ip && held.ip !== "0.0.0.0" && ip !== "0.0.0.0");
  }

  /** Bind every requested port for `owner`, or none: a taken port fails as Docker reports it. */
  allocate(owner: string, endpoint: string, bindings: Record<string, PortBinding[]>): BoundPort[] {
    const bound: BoundPort[] = [];
    try {
      for (const [spec, hosts] of Object.entries(bindings)) {
        const [portText, proto = "tcp"] = spec.split("/") as [string, string?];
        for (const host of hosts) {
          const ip = host.HostIp === "0.0.0.0" ? "" : host.HostIp;
          let port = Number(host.HostPort);
          if (!host.HostPort) port = this.#ephemeral(proto, ip);
          else if (!this.#free(proto, port, ip)) {
            throw conflict(`failed to set up container networking: driver failed programming external connectivity on endpoint ${endpoint}: Bind for ${ip || "0.0.0.0"}:${port} failed: port is already allocated`);
          }
          this.#taken.set(`${proto}/${port}`, { owner, ip });
          bound.push({ containerPort: Number(portText), proto, hostIp: ip, hostPort: port });
        }
      }
    } catch (error) {
      this.release(owner);
      throw error;
    }
    return bound;
  }

  #ephemeral(proto: string, ip: string): number {
    for (let i = 0; i <= EPHEMERAL_LAST - EPHEMERAL_FIRST; i++) {
      const port = this.#nextEphemeral;
      this.#nextEphemeral = port >= EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
      if (this.#free(proto, port, ip)) return port;
    }
    throw conflict("no available ports");
  }

  release(owner: string): void {
    for (const [key, held] of this.#taken) if (held.owner === owner) this.#taken.delete(key);
  }

  /** Which owner serves `port` on the host (for `curl localhost:PORT`). */
  ownerOf(port: number, proto = "tcp"): string | undefined {
    return this.#taken.get(`${proto}/${port}`)?.owner;
  }
}

/** The API's Ports list for a container: both address families, as Docker 29 binds them. */
export function apiPorts(bound: BoundPort[], exposed: string[]): { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] {
  const ports: { IP?: string; PrivatePort: number; PublicPort?: number; Type: string }[] = [];
  for (const b of bound) {
    if (b.hostIp === "") {
      ports.push({ IP: "0.0.0.0", PrivatePort: b.containerPort, PublicPort: b.hostPort, Type: b.proto });
      ports.push({ IP: "::", PrivatePort: b.containerPort, PublicPort: b.hostPort, Type: b.proto });
    } else {
      ports.push({ IP: b.hostIp, PrivatePort: b.containerPort, PublicPort: b.hostPort, Type: b.proto });
    }
  }
  for (const spec of exposed) {
    const [port, proto = "tcp"] = spec.split("/") as [string, string?];
    if (!bound.some((b) => b.containerPort === Number(port) && b.proto === proto)) ports.push({ PrivatePort: Number(port), Type: proto });
  }
  return ports;
}
