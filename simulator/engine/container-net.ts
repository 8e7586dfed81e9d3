/** What a container's processes see of the network, and the commands that use it (BusyBox's wording). */
import { defineCommand } from "just-bash";
import type { Clock } from "./clock.ts";
import { sleep } from "./clock.ts";
import { curlCommand, type Connect } from "../shell/http-client.ts";
import { STATUS_TEXT, type HttpRequest, type HttpResponse } from "./http.ts";
import type { Container } from "./container.ts";
import type { Daemon } from "./daemon.ts";

export interface ContainerNet {
  /** Its addresses, one per network it is on (none on `--network none`). */
  addresses(): { ip: string; prefix: number; mac: string }[];
  /** Docker's embedded DNS, then /etc/hosts-style names (itself, localhost). */
  resolve(name: string): string | undefined;
  /** Whether an address answers on a network it shares with this container. */
  reachable(ip: string): boolean;
  /** An HTTP request to another container (or itself) on a shared network. */
  connect: Connect;
  /** Whether something listens on host:port (`nc -z`). */
  probe(host: string, port: number): "open" | "refused" | "unresolved";
}

const ok = (stdout: string, stderr = "") => ({ stdout, stderr, exitCode: 0 });

/** ping, nslookup, ip, hostname -i, wget and curl inside a container. */
export function networkCommands(net: ContainerNet, clock: Clock) {
  return [
    defineCommand("hostname", async (args, ctx) => {
      if (args.includes("-i")) return ok(`${net.addresses().map((a) => a.ip).join(" ") || "127.0.0.1"}\n`);
      try {
        return ok(`${(await ctx.fs.readFile("/etc/hostname")).trim()}\n`);
      } catch {
        return ok("localhost\n");
      }
    }),
    defineCommand("ip", async (args) => {
      const [object = ""] = args;
      if (!["a", "addr", "address"].includes(object)) return { stdout: "", stderr: `ip: can't parse '${object}'\n`, exitCode: 1 };
      let text = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n";
      net.addresses().forEach((a, i) => {
        const parts = a.ip.split(".").map(Number);
        const hostBits = 32 - a.prefix;
        const broadcast = parts.map((p, j) => (j * 8 >= 32 - hostBits ? 255 : j * 8 + 8 > 32 - hostBits ? p | ((1 << (j * 8 + 8 - (32 - hostBits))) - 1) : p)).join(".");
        text += `${i + 2}: eth${i}@if${i + 7}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP\n    link/ether ${a.mac} brd ff:ff:ff:ff:ff:ff\n    inet ${a.ip}/${a.prefix} brd ${broadcast} scope global eth${i}\n       valid_lft forever preferred_lft forever\n`;
      });
      return ok(text);
    }),
    defineCommand("nslookup", async (args) => {
      const name = args.find((a) => !a.startsWith("-"));
      if (!name) return { stdout: "", stderr: "BusyBox v1.37.0 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n", exitCode: 1 };
      const ip = net.resolve(name);
      const header = "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n";
      if (!ip) return { stdout: header, stderr: `** server can't find ${name}: NXDOMAIN\n\n`, exitCode: 1 };
      return ok(`${header}Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\n`);
    }),
    defineCommand("ping", async (args, ctx) => {
      let count = Infinity;
      const targets: string[] = [];
      for (let i = 0; i < args.length; i++) {
        if (args[i] === "-c") count = Number(args[++i]);
        else if (/^-c\d+$/.test(args[i]!)) count = Number(args[i]!.slice(2));
        else if (!args[i]!.startsWith("-")) targets.push(args[i]!);
      }
      const target = targets[0];
      if (!target) return { stdout: "", stderr: "BusyBox v1.37.0 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n", exitCode: 1 };
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(target) ? target : net.resolve(target);
      if (!ip) return { stdout: "", stderr: `ping: bad address '${target}'\n`, exitCode: 1 };
      const reachable = net.reachable(ip);
      let out = `PING ${target} (${ip}): 56 data bytes\n`;
      let sent = 0;
      let received = 0;
      const times: number[] = [];
      while (sent < count) {
        if (sent > 0) {
          try {
            await sleep(clock, 1000, ctx.signal);
          } catch {
            break;
          }
        }
        sent++;
        if (reachable) {
          const time = 0.05 + ((sent * 37) % 50) / 1000;
          times.push(time);
          received++;
          out += `64 bytes from ${ip}: seq=${sent - 1} ttl=64 time=${time.toFixed(3)} ms\n`;
        }
        if (ctx.signal?.aborted) break;
      }
      out += `\n--- ${target} ping statistics ---\n${sent} packets transmitted, ${received} packets received, ${sent === 0 ? 0 : Math.round(((sent - received) * 100) / sent)}% packet loss\n`;
      if (times.length > 0) out += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`;
      return { stdout: out, stderr: "", exitCode: received > 0 ? 0 : 1 };
    }),
    defineCommand("wget", async (args, ctx) => {
      let quiet = false;
      let output: string | undefined;
      let url: string | undefined;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === "-q") quiet = true;
        else if (a === "-O") output = args[++i];
        else if (a === "-qO-" || a === "-qO") {
          quiet = true;
          output = a === "-qO-" ? "-" : args[++i];
        } else if (a.startsWith("-O")) output = a.slice(2);
        else if (a === "--spider" || a === "-S") continue;
        else if (!a.startsWith("-")) url = a;
      }
      if (!url) return { stdout: "", stderr: "BusyBox v1.37.0 multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n", exitCode: 1 };
      const match = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
      if (!match) return { stdout: "", stderr: `wget: not an http or ftp url: ${url}\n`, exitCode: 1 };
      const [, host, port = "80", path = "/"] = match as unknown as [string, string, string?, string?];
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : net.resolve(host);
      if (!ip) return { stdout: "", stderr: `wget: bad address '${host}'\n`, exitCode: 1 };
      const result = await net.connect(host, Number(port), { method: "GET", path, headers: { Host: host, "User-Agent": "Wget" }, body: "" });
      let stderr = quiet ? "" : `Connecting to ${host}${port === "80" ? "" : `:${port}`} (${ip}:${port})\n`;
      if (result === "refused" || result === "unresolved") return { stdout: "", stderr: `${stderr}wget: can't connect to remote host (${ip}): Connection refused\n`, exitCode: 1 };
      if (result === "reset") return { stdout: "", stderr: `${stderr}wget: error getting response: Connection reset by peer\n`, exitCode: 1 };
      if (result.status >= 400) return { stdout: "", stderr: `${stderr}wget: server returned error: HTTP/1.1 ${result.status} ${STATUS_TEXT[result.status] ?? ""}\n`, exitCode: 1 };
      const name = output ?? (path.split("?")[0]!.split("/").pop() || "index.html");
      const size = new TextEncoder().encode(result.body).length;
      const bar = `${(name === "-" ? "-" : name).padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
      if (name === "-") return { stdout: result.body, stderr: quiet ? "" : `${stderr}writing to stdout\n${bar}written to stdout\n`, exitCode: 0 };
      await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, name), result.body);
      if (!quiet) stderr += `saving to '${name}'\n${bar}'${name}' saved\n`;
      return { stdout: "", stderr, exitCode: 0 };
    }),
    defineCommand("nc", async (args) => {
      const flags = args.filter((a) => a.startsWith("-")).join("");
      const [host, portText] = args.filter((a, i) => !a.startsWith("-") && !/^-[wWq]$/.test(args[i - 1] ?? ""));
      if (!host || !portText) return { stdout: "", stderr: "BusyBox v1.37.0 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n", exitCode: 1 };
      if (!flags.includes("z")) return { stdout: "", stderr: "nc: only port checks (nc -z HOST PORT) are simulated\n", exitCode: 1 };
      const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : net.resolve(host);
      if (!ip) return { stdout: "", stderr: `nc: bad address '${host}'\n`, exitCode: 1 };
      const state = net.probe(host, Number(portText));
      if (state === "open") return ok("", flags.includes("v") ? `${host} (${ip}:${portText}) open\n` : "");
      return { stdout: "", stderr: `nc: ${host} (${ip}:${portText}): Connection refused\n`, exitCode: 1 };
    }),
    curlCommand(net.connect),
  ];
}

export async function hostRequest(d: Daemon, hostPort: number, request: Omit<HttpRequest, "remoteAddress">): Promise<HttpResponse | "refused" | "reset"> {
  const owner = d.ports.ownerOf(hostPort);
  const c = owner ? d.containers.get(owner) : undefined;
  const binding = c?.ports.find((p) => p.hostPort === hostPort);
  if (!c || !binding) return "refused";
  const handler = c.status === "running" ? c.listeners.get(binding.containerPort) : undefined;
  if (!handler) return "reset";
  const response = await handler({ ...request, remoteAddress: "172.17.0.1" });
  d.traces.emit({ kind: "traffic", from: "host", to: c.name, hostPort, containerPort: binding.containerPort, request: `${request.method} ${request.path}`, status: response.status });
  return response;
}

/** A container's view of its networks: its addresses, the embedded DNS, and the servers it can reach. */

/** A container's view of its networks: its addresses, the embedded DNS, and the servers it can reach. */
export function containerNet(d: Daemon, c: Container): ContainerNet {
  const own = () => (c.running ? d.networks.networksOf(c.id).filter(({ endpoint }) => endpoint.ip) : []);
  const resolve = (name: string): string | undefined => {
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === "localhost") return "127.0.0.1";
    if (name === c.config.Hostname) return own()[0]?.endpoint.ip ?? "127.0.0.1";
    const found = d.networks.resolve(c.id, name);
    return found && d.containers.get(found.containerId)?.running ? found.ip : undefined;
  };
  const target = (ip: string): Container | undefined => {
    if (ip.startsWith("127.") || own().some(({ endpoint }) => endpoint.ip === ip)) return c;
    const id = d.networks.byAddress(c.id, ip);
    const found = id ? d.containers.get(id) : undefined;
    return found?.running ? found : undefined;
  };
  const listening = (host: string, port: number): "open" | "refused" | "unresolved" => {
    const ip = resolve(host);
    if (!ip) return "unresolved";
    const server = target(ip);
    return server?.status === "running" && server.listeners.has(port) ? "open" : "refused";
  };
  return {
    probe: listening,
    addresses: () => own().map(({ network, endpoint }) => ({ ip: endpoint.ip, prefix: Number(network.subnet.split("/")[1]), mac: endpoint.mac })),
    resolve,
    reachable: (ip) => target(ip) !== undefined,
    connect: async (host, port, request) => {
      const ip = resolve(host);
      if (!ip) return "unresolved";
      const server = target(ip);
      const handler = server?.status === "running" ? server.listeners.get(port) : undefined;
      if (!server || !handler) return "refused";
      const response = await handler({ ...request, remoteAddress: own()[0]?.endpoint.ip ?? "127.0.0.1" });
      d.traces.emit({ kind: "traffic", from: "host", to: server.name, hostPort: port, containerPort: port, request: `${request.method} ${request.path}`, status: response.status });
      return response;
    },
  };
}
