/** The gateway's list of policy differences stays honest: each entry concerns a transcript command, and no command two entries. Needs no engine. */
import { describe, expect, it } from "vitest";
import { compareThroughGateway } from "./compare.ts";
import { gatewayDifferences } from "./gateway-differences.ts";
import { transcriptsDir } from "./suite.ts";
import { loadTranscripts, type Part } from "./transcript.ts";

const commands = loadTranscripts(transcriptsDir).flatMap((t) => t.commands.filter((c) => c.compare.length > 0).map((c) => `${t.name}: ${c.command}`));
const entries = (command: string) => gatewayDifferences.filter((d) => d.command.test(command.slice(command.indexOf(": ") + 2)));

describe("gateway differences (gateway-differences.ts)", () => {
  it.each(gatewayDifferences.map((d) => [d.reason, d] as const))("%s: concerns at least one compared transcript command", (_reason, d) => {
    expect(commands.filter((c) => entries(c).includes(d))).not.toEqual([]);
  });

  it("never lists one command twice, and says for each entry what the gateway must print", () => {
    expect(commands.filter((c) => entries(c).length > 1)).toEqual([]);
    for (const d of gatewayDifferences) expect(Boolean(d.refusal) !== Boolean(d.expect), d.reason).toBe(true);
  });
});

describe("a command on the list, through the gateway", () => {
  const bind = { command: "docker run --rm -v /tmp/dockyard-bind:/work busybox cat /work/in.txt", compare: ["stdout", "stderr", "exit"] as Part[] };
  const sim = { stdout: "from-host\n", stderr: "", exitCode: 0 };

  it("is the policy's outcome when the gateway refuses it with the policy's message", () => {
    const refused = { stdout: "", stderr: "docker: Error response from daemon: refused by the Dockyard gateway's policy: host bind mounts (-v /tmp/dockyard-bind:/work); use a named volume instead\n\nRun 'docker run --help' for more information\n", exitCode: 125 };
    const c = compareThroughGateway(bind, refused, sim);
    expect([c.policy?.kind, c.mismatched]).toEqual(["refused", []]);
  });

  it("is a miss when the gateway runs it, or refuses it with another message", () => {
    expect(compareThroughGateway(bind, sim, sim).mismatched).toEqual(["stdout", "stderr", "exit"]);
    expect(compareThroughGateway(bind, { stdout: "", stderr: "docker: Error response from daemon: invalid mount config\n", exitCode: 125 }, sim).mismatched).toEqual(["stderr"]);
  });

  it("is compared with the simulator's result as the policy changes it", () => {
    const port = { command: "docker port site", compare: ["stdout", "stderr", "exit"] as Part[] };
    const simPort = { stdout: "80/tcp -> 0.0.0.0:18080\n80/tcp -> [::]:18080\n", stderr: "", exitCode: 0 };
    expect(compareThroughGateway(port, { ...simPort, stdout: "80/tcp -> 127.0.0.1:18080\n" }, simPort).mismatched).toEqual([]);
    expect(compareThroughGateway(port, simPort, simPort).mismatched).toEqual(["stdout"]);
  });
});
