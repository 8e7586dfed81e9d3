/**
 * What the gateway (server/) shows on purpose where the simulator shows Docker's own behaviour: the
 * policy's refusals, and what the policy or the session's isolation changes. In gateway mode a
 * command listed here is not compared with the simulator: the gateway's result must be the one
 * expected here, and it is counted apart from matches and misses. Anything else is a gateway bug.
 */
import type { CommandResult } from "./result.ts";

export interface GatewayDifference {
  /** The commands it concerns (as typed in the transcript). */
  command: RegExp;
  /**
   * `refused`: the gateway must refuse with the policy's message (`refusal` matches the text after
   * `refused by the Dockyard gateway's policy: `), print nothing on stdout and exit with `exitCode`;
   * or, for a command that only follows a refusal, print `expect(sim)`.
   * `changed`: the command runs, and the gateway must print `expect(sim)`, the simulator's result as
   * the policy changes it.
   */
  kind: "refused" | "changed";
  refusal?: RegExp;
  exitCode?: number;
  /** The gateway's expected result (normalised), from the simulator's (normalised). */
  expect?: (sim: CommandResult) => CommandResult;
  /** One line: why. */
  reason: string;
}

/** The prefix of every message of server/policy.ts's PolicyError. */
export const policyMessage = "refused by the Dockyard gateway's policy: ";

const hostBind = /host bind mounts \(-v \/tmp\/dockyard-bind:\/work\); use a named volume instead/;

/** Published ports on 127.0.0.1 only: `0.0.0.0` becomes `127.0.0.1` and the `[::]` binding goes. */
const loopbackPorts = (sim: CommandResult): CommandResult => ({
  ...sim,
  stdout: sim.stdout
    .replace(/^.* -> \[::\]:\d+\n/gm, "")
    .replace(/, \[::\]:\d+->\d+\/(tcp|udp|sctp)/g, "")
    .replace(/0\.0\.0\.0:/g, "127.0.0.1:"),
});

/** busybox ping without CAP_NET_RAW, piped into `grep -c 'bytes from'`; it resolves the name first, so `bad address` would be a DNS bug. */
const pingWithoutNetRaw = (): CommandResult => ({ stdout: "0\n", stderr: "ping: permission denied (are you root?)\n", exitCode: 1 });

export const gatewayDifferences: GatewayDifference[] = [
  {
    command: /^docker\s+(rmi|image\s+(rm|remove))\s+busybox$/,
    kind: "refused",
    refusal: /busybox is shared by every session on this gateway, so it stays/,
    exitCode: 1,
    reason: "images from the allowlist are shared by every session: none may remove them (session-images.ts)",
  },
  {
    command: /^docker\s+run\s+--rm\s+-v\s+\/tmp\/dockyard-bind:\/work(:ro)?\s/,
    kind: "refused",
    refusal: hostBind,
    exitCode: 125,
    reason: "host bind mounts are refused: a session must not reach the gateway machine's files",
  },
  {
    command: /^cat \/tmp\/dockyard-bind\/out\.txt$/,
    kind: "refused",
    expect: () => ({ stdout: "", stderr: "cat: /tmp/dockyard-bind/out.txt: No such file or directory\n", exitCode: 1 }),
    reason: "follows a refused bind mount: the container that would have written the file never ran",
  },
  {
    command: /^docker\s+run\s+--rm\s+--mount\s+type=bind,/,
    kind: "refused",
    refusal: /host bind mounts \(--mount type=bind,source=\/tmp\/dockyard-bind\)$/m,
    exitCode: 125,
    reason: "host bind mounts are refused in --mount too",
  },
  {
    command: /\$\(docker create -v \/tmp\/dockyard-bind:/,
    kind: "refused",
    refusal: hostBind,
    exitCode: 1,
    reason: "host bind mounts are refused at create (the outer inspect then gets no argument, as with the docker CLI)",
  },
  {
    command: /^docker\s+run\s+--rm\s+(--network\s+shop\s+)?busybox\s+ping\s+-c\s+1\s+.+\s+\|\s+grep -c 'bytes from'$/,
    kind: "changed",
    expect: pingWithoutNetRaw,
    reason: "the gateway drops CAP_NET_RAW (server/policy.ts safeCapabilities), so busybox ping cannot open its raw socket",
  },
  {
    command: /^docker\s+(port\s+site|ps\s+--format\s+'\{\{\.Names\}\} \{\{\.Ports\}\}')$/,
    kind: "changed",
    expect: loopbackPorts,
    reason: "ports are published on 127.0.0.1 only, unless the operator allows more (--public-ports)",
  },
  {
    command: /^docker\s+run\s+--rm\s+--dns\s+1\.1\.1\.1\s+busybox\s+cat\s+\/etc\/resolv\.conf$/,
    kind: "changed",
    expect: (sim) => ({ ...sim, stdout: "nameserver 127.0.0.11\noptions ndots:0\n" }),
    reason: "a session's `bridge` is a user-defined network underneath (session-bridge.ts): Docker's embedded DNS answers and forwards to --dns",
  },
];
