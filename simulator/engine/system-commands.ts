/** Commands every container has that just-bash lacks or answers for its own host: uname, id, whoami, hostname. */
import { defineCommand, type IFileSystem } from "just-bash";

export interface Identity {
  uid: number;
  gid: number;
  user: string;
  group: string;
}

async function readLines(fs: IFileSystem, path: string): Promise<string[][]> {
  try {
    return (await fs.readFile(path)).split("\n").filter(Boolean).map((line) => line.split(":"));
  } catch {
    return [];
  }
}

/** Resolve `-u name|uid[:group|gid]` against the container's /etc/passwd and /etc/group. */
export async function resolveUser(fs: IFileSystem, spec: string): Promise<Identity> {
  const passwd = await readLines(fs, "/etc/passwd");
  const groups = await readLines(fs, "/etc/group");
  const [userPart = "", groupPart] = (spec || "root").split(":");
  const entry = passwd.find((p) => p[0] === userPart || p[2] === userPart);
  const uid = entry ? Number(entry[2]) : Number.parseInt(userPart, 10) || 0;
  let gid = entry ? Number(entry[3]) : uid;
  if (groupPart !== undefined) {
    const g = groups.find((p) => p[0] === groupPart || p[2] === groupPart);
    gid = g ? Number(g[2]) : Number.parseInt(groupPart, 10) || 0;
  }
  const group = groups.find((p) => Number(p[2]) === gid)?.[0] ?? "";
  return { uid, gid, user: entry?.[0] ?? "", group };
}

const ok = (stdout: string) => ({ stdout, stderr: "", exitCode: 0 });

/** A process as `ps` lists it. */
export interface ProcessEntry {
  pid: number;
  user: string;
  args: string[];
}

/** BusyBox ps: `PID USER TIME COMMAND`, or the columns `-o` names. */
function busyboxPs(args: string[], processes: ProcessEntry[]): { stdout: string; stderr: string; exitCode: number } {
  const oAt = args.findIndex((a) => a === "-o" || a.startsWith("-o"));
  const spec = oAt < 0 ? undefined : args[oAt] === "-o" ? args[oAt + 1] : args[oAt]!.slice(2);
  const columns: Record<string, [string, (p: ProcessEntry) => string]> = {
    pid: ["PID  ", (p) => String(p.pid).padStart(5)],
    ppid: [" PPID", (p) => String(p.pid === 1 ? 0 : 1).padStart(5)],
    user: ["USER    ", (p) => p.user.padEnd(8)],
    comm: ["COMMAND", (p) => p.args[0]!.slice(p.args[0]!.lastIndexOf("/") + 1)],
    args: ["COMMAND", (p) => p.args.join(" ")],
    time: [" TIME", () => " 0:00"],
  };
  if (!spec) {
    const rows = processes.map((p) => `${String(p.pid).padStart(5)} ${p.user.padEnd(8)}  0:00 ${p.args.join(" ")}`);
    return ok(`PID   USER     TIME  COMMAND\n${rows.join("\n")}\n`);
  }
  const picked = spec.split(",").map((name) => columns[name]);
  if (picked.some((c) => c === undefined)) return { stdout: "", stderr: `ps: bad -o argument '${spec.split(",").find((n) => !columns[n])}'\n`, exitCode: 1 };
  const line = (cells: string[]) => cells.join(" ").trimEnd();
  const header = line(picked.map((c) => c![0]));
  return ok(`${header.trimStart() === header ? header : header}\n${processes.map((p) => line(picked.map((c) => c![1](p)))).join("\n")}\n`);
}

export function systemCommands(fs: IFileSystem, hostname: string, identity: () => Promise<Identity>, processes: () => ProcessEntry[] = () => []) {
  return [
    defineCommand("ps", async (args) => {
      const self: ProcessEntry = { pid: Math.max(6, ...processes().map((p) => p.pid)) + 1, user: (await identity()).user || "root", args: ["ps", ...args] };
      return busyboxPs(args, [...processes(), self]);
    }),
    defineCommand("uname", async (args) => {
      const all = { s: "Linux", n: hostname, r: "6.8.0-dockyard", v: "#1 SMP PREEMPT_DYNAMIC", m: "x86_64", o: "GNU/Linux" };
      const flags = args.join("").replace(/-/g, "");
      if (flags.includes("a")) return ok(`${Object.values(all).join(" ")}\n`);
      const picked = (flags || "s").split("").map((f) => all[f as keyof typeof all]).filter(Boolean);
      return ok(`${picked.join(" ")}\n`);
    }),
    defineCommand("id", async (args) => {
      const who = await identity();
      const name = (id: number, label: string) => (label ? `${id}(${label})` : String(id));
      const flags = args.join("");
      if (flags.includes("u")) return ok(`${flags.includes("n") ? who.user || who.uid : who.uid}\n`);
      if (flags.includes("g")) return ok(`${flags.includes("n") ? who.group || who.gid : who.gid}\n`);
      return ok(`uid=${name(who.uid, who.user)} gid=${name(who.gid, who.group)} groups=${name(who.gid, who.group)}\n`);
    }),
    defineCommand("whoami", async () => {
      const who = await identity();
      if (who.user) return ok(`${who.user}\n`);
      return { stdout: "", stderr: `whoami: unknown uid ${who.uid}\n`, exitCode: 1 };
    }),
    defineCommand("hostname", async () => {
      try {
        return ok(`${(await fs.readFile("/etc/hostname")).trim()}\n`);
      } catch {
        return ok(`${hostname}\n`);
      }
    }),
  ];
}

/** Rewrite bash-style messages the way BusyBox's sh and applets word them. */
export function busyboxMessages(stderr: string): string {
  return stderr
    .replace(/^bash: (?:line \d+: )?([^:\n]+): command not found$/gm, "sh: $1: not found")
    .replace(/^cat: ([^:\n]+): No such file or directory$/gm, "cat: can't open '$1': No such file or directory");
}
