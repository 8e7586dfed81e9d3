import type { CommandSpec } from "../command.ts";
import { describeError } from "./errors.ts";
import type { Engine } from "../../backend/engine.ts";
import type { CommandIO } from "../command.ts";
import { asStruct, parseTemplate } from "../format/template/index.ts";
import { CLIENT_GIT_COMMIT, CLIENT_VERSION, API_VERSION, GO_VERSION } from "../../engine/versions.ts";

const BUILT = "Tue Oct 28 16:27:02 2026";

const row = (indent: string, label: string, value: string) => `${indent}${`${label}:`.padEnd(indent.length === 1 ? 19 : 18)}${value}\n`;

/** docker version */
export const version: CommandSpec = {
  name: "version",
  usage: "[OPTIONS]",
  short: "Show the Docker version information",
  args: { max: 0 },
  flags: [{ long: "format", short: "f", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" }],
  async run({ engine, io }, flags) {
    const format = flags["format"] as string | undefined;
    if (format) return printFormatted(engine, io, format);
    let text = "Client: Docker Engine - Community\n";
    text += row(" ", "Version", CLIENT_VERSION);
    text += row(" ", "API version", API_VERSION);
    text += row(" ", "Go version", GO_VERSION);
    text += row(" ", "Git commit", CLIENT_GIT_COMMIT);
    text += row(" ", "Built", BUILT);
    text += row(" ", "OS/Arch", "linux/amd64");
    text += row(" ", "Context", "default");
    try {
      const server = await engine.version();
      text += `\nServer: ${server.Platform.Name}\n`;
      for (const component of server.Components) {
        text += ` ${component.Name}:\n`;
        if (component.Name === "Engine") {
          const d = component.Details;
          text += row("  ", "Version", component.Version);
          text += row("  ", "API version", `${d["ApiVersion"]} (minimum version ${d["MinAPIVersion"]})`);
          text += row("  ", "Go version", d["GoVersion"] ?? "");
          text += row("  ", "Git commit", d["GitCommit"] ?? "");
          text += row("  ", "Built", BUILT);
          text += row("  ", "OS/Arch", `${d["Os"]}/${d["Arch"]}`);
          text += row("  ", "Experimental", d["Experimental"] ?? "false");
        } else {
          text += row("  ", "Version", component.Version);
          text += row("  ", "GitCommit", component.Details["GitCommit"] ?? "");
        }
      }
      io.stdout(text);
      return 0;
    } catch (error) {
      io.stdout(text);
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

/** `docker version --format`: the client and server as the CLI's template sees them (Go field names). */
async function printFormatted(engine: Engine, io: CommandIO, format: string): Promise<number> {
  let template;
  try {
    template = parseTemplate(format === "json" ? "{{json .}}" : format);
  } catch (error) {
    io.stderr(`template parsing error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 64;
  }
  const client = asStruct({ Platform: asStruct({ Name: "Docker Engine - Community" }), Version: CLIENT_VERSION, ApiVersion: API_VERSION, DefaultAPIVersion: API_VERSION, GitCommit: CLIENT_GIT_COMMIT, GoVersion: GO_VERSION, Os: "linux", Arch: "amd64", BuildTime: BUILT, Context: "default" });
  Object.defineProperty(client, "APIVersion", { value: API_VERSION, enumerable: false });
  let server: object | null = null;
  let failure: string | undefined;
  try {
    const v = await engine.version();
    server = asStruct({ ...v });
    Object.defineProperty(server, "APIVersion", { value: v.ApiVersion, enumerable: false });
  } catch (error) {
    failure = describeError(error);
  }
  try {
    io.stdout(`${template.execute(asStruct({ Client: client, Server: server }))}\n`);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (failure) {
    io.stderr(`${failure}\n`);
    return 1;
  }
  return 0;
}
