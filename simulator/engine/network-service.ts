/** Networks: the default bridge, host and none, user-defined bridges with their embedded DNS. */
import type { EndpointSettings, NetworkInspect } from "../backend/engine.ts";
import { conflict, invalidParameter, notFound } from "../backend/errors.ts";
import type { Clock } from "./clock.ts";
import { digestOf } from "./digest.ts";
import type { DockerEvent } from "./events.ts";

export interface Endpoint {
  containerId: string;
  endpointId: string;
  /** IPv4 address without the prefix; empty on host and none. */
  ip: string;
  mac: string;
  aliases: string[];
}

export interface Network {
  id: string;
  name: string;
  driver: "bridge" | "host" | "null";
  /** `172.18.0.0/16`; empty for host and none. */
  subnet: string;
  gateway: string;
  created: number;
  labels: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  /** Set when the user chose the subnet: only then may containers ask for an address (--ip). */
  userSubnet: boolean;
  endpoints: Map<string, Endpoint>;
}

/** The parts of a container the network side needs. */
export interface NetworkMember {
  id: string;
  name: string;
}

export interface NetworkDaemon {
  clock: Clock;
  ids: () => string;
  emit(type: DockerEvent["Type"], action: string, id: string, attributes: Record<string, string>): void;
  /** The container behind an ID, for its current name. */
  member(id: string): NetworkMember | undefined;
}

const PREDEFINED = new Set(["bridge", "host", "none"]);

const ipToInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
const intToIp = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");

/** Parse `a.b.c.d/len` into its base and size; undefined when malformed. */
function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  if (!match || match[1]!.split(".").some((p) => Number(p) > 255) || Number(match[2]) > 32) return undefined;
  const bits = Number(match[2]);
  const size = 2 ** (32 - bits);
  return { base: Math.floor(ipToInt(match[1]!) / size) * size, bits };
}

export class NetworkService {
  readonly #d: NetworkDaemon;
  readonly #networks = new Map<string, Network>();
  /** Second octet of the next automatic 172.x.0.0/16 subnet. */
  #nextSubnet = 18;

  constructor(daemon: NetworkDaemon) {
    this.#d = daemon;
    this.#add("bridge", "bridge", "172.17.0.0/16", "172.17.0.1", false);
    this.#add("host", "host", "", "", false);
    this.#add("none", "null", "", "", false);
  }

  #add(name: string, driver: Network["driver"], subnet: string, gateway: string, userSubnet: boolean, options: { labels?: Record<string, string>; internal?: boolean; attachable?: boolean } = {}): Network {
    const network: Network = {
      id: digestOf(`network:${name}:${this.#networks.size}:${this.#d.clock.now()}`).slice(7),
      name,
      driver,
      subnet,
      gateway,
      created: this.#d.clock.now(),
      labels: options.labels ?? {},
      internal: options.internal ?? false,
      attachable: options.attachable ?? false,
      userSubnet,
      endpoints: new Map(),
    };
    this.#networks.set(network.id, network);
    return network;
  }

  create(name: string, options: { driver?: string; subnet?: string; gateway?: string; labels?: Record<string, string>; internal?: boolean; attachable?: boolean } = {}): { Id: string; Warning: string } {
    if ([...this.#networks.values()].some((n) => n.name === name)) throw conflict(`network with name ${name} already exists`);
    const driver = options.driver ?? "bridge";
    if (driver !== "bridge") {
      if (driver === "host" || driver === "null") throw invalidParameter(`only one instance of "${driver}" network is allowed`);
      throw notFound(`plugin "${driver}" not found`);
    }
    let subnet = options.subnet;
    if (subnet !== undefined) {
      const parsed = parseCidr(subnet);
      if (!parsed) throw invalidParameter(`invalid network config:\ninvalid subnet ${subnet}: invalid CIDR address: ${subnet}`);
      subnet = `${intToIp(parsed.base)}/${parsed.bits}`;
      const overlaps = [...this.#networks.values()].some((n) => n.subnet && rangesOverlap(n.subnet, subnet!));
      if (overlaps) throw conflict("invalid pool request: Pool overlaps with other one on this address space");
    } else {
      while ([...this.#networks.values()].some((n) => n.subnet === `172.${this.#nextSubnet}.0.0/16`)) this.#nextSubnet++;
      subnet = `172.${this.#nextSubnet++}.0.0/16`;
    }
    const gateway = options.gateway ?? intToIp(parseCidr(subnet)!.base + 1);
    const network = this.#add(name, "bridge", subnet, gateway, options.subnet !== undefined, options);
    this.#d.emit("network", "create", network.id, { name, type: "bridge" });
    return { Id: network.id, Warning: "" };
  }

  get(idOrName: string): Network {
    const byName = [...this.#networks.values()].find((n) => n.name === idOrName);
    if (byName) return byName;
    const matches = idOrName.length > 0 ? [...this.#networks.values()].filter((n) => n.id.startsWith(idOrName)) : [];
    if (matches.length === 1) return matches[0]!;
    throw notFound(`network ${idOrName} not found`);
  }

  list(): Network[] {
    return [...this.#networks.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  remove(idOrName: string): void {
    const network = this.get(idOrName);
    if (PREDEFINED.has(network.name)) throw conflict(`${network.name} is a pre-defined network and cannot be removed`);
    if (network.endpoints.size > 0) throw conflict(`error while removing network: network ${network.name} has active endpoints`);
    this.#networks.delete(network.id);
    this.#d.emit("network", "destroy", network.id, { name: network.name, type: "bridge" });
  }

  prune(): string[] {
    const removed: string[] = [];
    for (const network of this.list()) {
      if (PREDEFINED.has(network.name) || network.endpoints.size > 0) continue;
      this.#networks.delete(network.id);
      removed.push(network.name);
    }
    return removed;
  }

  /** Join a container to a network (create, run --network, network connect). */
  connect(idOrName: string, member: NetworkMember, options: { aliases?: string[]; ip?: string } = {}): Endpoint {
    const network = this.get(idOrName);
    if (network.endpoints.has(member.id)) throw conflict(`endpoint with name ${member.name} already exists in network ${network.name}`);
    if ((options.aliases?.length ?? 0) > 0 && network.name === "bridge") throw invalidParameter("network-scoped alias is supported only for containers in user defined networks");
    if (options.ip !== undefined && !network.userSubnet) throw invalidParameter("user specified IP address is supported only when connecting to networks with user configured subnets");
    if (network.driver !== "bridge" && network.endpoints.size > 0 && network.driver === "null") throw conflict(`container cannot be connected to multiple networks with one of the networks in private (none) mode`);
    const ip = network.driver === "bridge" ? this.#allocate(network, options.ip) : "";
    const endpoint: Endpoint = {
      containerId: member.id,
      endpointId: digestOf(`endpoint:${network.id}:${member.id}`).slice(7),
      ip,
      mac: ip ? `02:42:${ip.split(".").map((p) => Number(p).toString(16).padStart(2, "0")).join(":")}` : "",
      aliases: options.aliases ?? [],
    };
    network.endpoints.set(member.id, endpoint);
    this.#d.emit("network", "connect", network.id, { container: member.id, name: network.name, type: network.driver });
    return endpoint;
  }

  #allocate(network: Network, wanted?: string): string {
    const { base, bits } = parseCidr(network.subnet)!;
    const used = new Set([...network.endpoints.values()].map((e) => e.ip));
    if (wanted !== undefined) {
      const n = ipToInt(wanted);
      if (n <= base || n >= base + 2 ** (32 - bits) - 1) throw invalidParameter(`no configured subnet or ip-range contain the IP address ${wanted}`);
      if (used.has(wanted) || wanted === network.gateway) throw conflict(`Address already in use`);
      return wanted;
    }
    for (let n = base + 2; n < base + 2 ** (32 - bits) - 1; n++) {
      const ip = intToIp(n);
      if (!used.has(ip) && ip !== network.gateway) return ip;
    }
    throw conflict(`no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
  }

  disconnect(idOrName: string, member: NetworkMember): void {
    const network = this.get(idOrName);
    if (!network.endpoints.delete(member.id)) throw conflict(`container ${member.id} is not connected to network ${network.name}`);
    this.#d.emit("network", "disconnect", network.id, { container: member.id, name: network.name, type: network.driver });
  }

  /** Leave every network (the container is removed). */
  leaveAll(containerId: string): void {
    for (const network of this.#networks.values()) network.endpoints.delete(containerId);
  }

  /** The networks a container is on, in the order it joined them. */
  networksOf(containerId: string): { network: Network; endpoint: Endpoint }[] {
    return [...this.#networks.values()].filter((n) => n.endpoints.has(containerId)).map((network) => ({ network, endpoint: network.endpoints.get(containerId)! }));
  }

  /**
   * Docker's embedded DNS (127.0.0.11): on user-defined networks a container finds the others
   * by name, alias or short ID. The default bridge has no such names.
   */
  resolve(fromContainerId: string, name: string): { ip: string; containerId: string } | undefined {
    for (const { network } of this.networksOf(fromContainerId)) {
      if (network.name === "bridge" || network.driver !== "bridge") continue;
      for (const endpoint of network.endpoints.values()) {
        const member = this.#d.member(endpoint.containerId);
        if (!member) continue;
        if (member.name === name || endpoint.aliases.includes(name) || (name.length >= 12 && member.id.startsWith(name))) return { ip: endpoint.ip, containerId: member.id };
      }
    }
    return undefined;
  }

  /** The container that holds `ip` on a network `fromContainerId` shares with it. */
  byAddress(fromContainerId: string, ip: string): string | undefined {
    for (const { network } of this.networksOf(fromContainerId)) {
      for (const endpoint of network.endpoints.values()) if (endpoint.ip === ip) return endpoint.containerId;
    }
    return undefined;
  }
}

function rangesOverlap(a: string, b: string): boolean {
  const x = parseCidr(a)!;
  const y = parseCidr(b)!;
  const xEnd = x.base + 2 ** (32 - x.bits);
  const yEnd = y.base + 2 ** (32 - y.bits);
  return x.base < yEnd && y.base < xEnd;
}

/** The API's view of a network; `running` says which members have their address now. */
export function inspectNetwork(network: Network, member: (id: string) => NetworkMember | undefined, running: (id: string) => boolean): NetworkInspect {
  const containers: NetworkInspect["Containers"] = {};
  for (const endpoint of network.endpoints.values()) {
    const m = member(endpoint.containerId);
    if (!m || !running(m.id)) continue;
    const prefix = network.subnet.split("/")[1] ?? "16";
    containers[m.id] = { Name: m.name, EndpointID: endpoint.endpointId, MacAddress: endpoint.mac, IPv4Address: endpoint.ip ? `${endpoint.ip}/${prefix}` : "", IPv6Address: "" };
  }
  return {
    Name: network.name,
    Id: network.id,
    Created: new Date(network.created).toISOString().replace("Z", "000000Z").replace(/\.(\d{3})000000Z$/, ".$1000000Z"),
    Scope: "local",
    Driver: network.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: { Driver: "default", Options: {}, Config: network.subnet ? [{ Subnet: network.subnet, Gateway: network.gateway }] : [] },
    Internal: network.internal,
    Attachable: network.attachable,
    Ingress: false,
    ConfigFrom: { Network: "" },
    ConfigOnly: false,
    Containers: containers,
    Options: network.name === "bridge" ? { "com.docker.network.bridge.default_bridge": "true", "com.docker.network.bridge.name": "docker0" } : {},
    Labels: { ...network.labels },
  };
}

/** A container's networks as inspect's NetworkSettings.Networks lists them. */
export function endpointSettings(joined: { network: Network; endpoint: Endpoint }[], member: NetworkMember, running: boolean): Record<string, EndpointSettings> {
  const settings: Record<string, EndpointSettings> = {};
  for (const { network, endpoint } of joined) {
    const userDefined = network.driver === "bridge" && network.name !== "bridge";
    settings[network.name] = {
      Aliases: endpoint.aliases.length > 0 ? endpoint.aliases.slice() : null,
      NetworkID: network.id,
      EndpointID: running ? endpoint.endpointId : "",
      Gateway: running ? network.gateway : "",
      IPAddress: running ? endpoint.ip : "",
      IPPrefixLen: running && endpoint.ip ? Number(network.subnet.split("/")[1]) : 0,
      MacAddress: running ? endpoint.mac : "",
      DNSNames: userDefined ? [member.name, member.id.slice(0, 12), ...endpoint.aliases] : null,
    };
  }
  return settings;
}

