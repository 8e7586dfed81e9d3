/** docker login and docker logout, and the credentials they keep in ~/.docker/config.json. */
import type { AuthConfig } from "../../backend/engine.ts";
import type { ClientHost, CommandContext, CommandIO, CommandSpec } from "../command.ts";
import { questionConsole } from "./confirm.ts";
import { INDEX_SERVER } from "../../engine/registries.ts";
import { describeError } from "./errors.ts";

/** The client's config file as the CLI writes it: `auths` keyed by server, other settings kept as they are. */
interface ConfigFile {
  auths: Record<string, { auth?: string; identitytoken?: string; email?: string }>;
  [setting: string]: unknown;
}

/** `$DOCKER_CONFIG/config.json`, or `~/.docker/config.json`. */
export function configPath(host: ClientHost): string {
  const dir = host.env["DOCKER_CONFIG"] || `${host.env["HOME"] || "/home/learner"}/.docker`;
  return `${dir.replace(/\/+$/, "")}/config.json`;
}

async function loadConfig(host: ClientHost): Promise<ConfigFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await host.readFile(configPath(host)));
  } catch {
    // Missing or unreadable: the CLI starts from an empty config.
  }
  const config = (parsed !== null && typeof parsed === "object" ? parsed : {}) as Partial<ConfigFile>;
  return { ...config, auths: { ...(config.auths ?? {}) } };
}

/** Write it as the CLI does: tab-indented JSON, `auths` first, servers sorted. */
async function saveConfig(host: ClientHost, config: ConfigFile): Promise<void> {
  const path = configPath(host);
  const { auths, ...rest } = config;
  const sorted = Object.fromEntries(Object.keys(auths).sort().map((k) => [k, auths[k]]));
  await host.mkdir(path.slice(0, path.lastIndexOf("/")));
  await host.writeFile(path, `${JSON.stringify({ auths: sorted, ...rest }, null, "\t")}\n`);
}

const encode = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const decode = (text: string) => new TextDecoder().decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));

/** `https://localhost:5000/v2/` -> `localhost:5000`, as the CLI keys credentials for other registries. */
export function convertToHostname(server: string): string {
  return server.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/")[0]!;
}

/** The credentials stored for a server key (`https://index.docker.io/v1/`, `localhost:5000`). */
export async function storedAuth(host: ClientHost, key: string): Promise<AuthConfig | undefined> {
  const { auths } = await loadConfig(host);
  const entry = auths[key] ?? Object.entries(auths).find(([server]) => convertToHostname(server) === key)?.[1];
  if (!entry?.auth) return undefined;
  let text: string;
  try {
    text = decode(entry.auth);
  } catch {
    return undefined;
  }
  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1), serveraddress: key };
}

/** tui.PrintNote: ` Info -> ` on a pipe, a coloured `i Info → ` on a terminal. */
function note(isTTY: boolean, text: string): string {
  const header = isTTY ? "\x1b[1m\x1b[106m\x1b[30mi\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m" : " Info -> ";
  const width = isTTY ? "i Info → ".length : header.length;
  return `\n${header}${text.split("\n").map((line, i) => `${i > 0 ? " ".repeat(width) : ""}${isTTY ? `\x1b[3m${line}\x1b[0m` : line}\n`).join("")}`;
}

const REGISTER_SUGGEST = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST = "You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/";

class LoginError extends Error {}

/**
 * The credential prompts at the terminal, as the CLI asks them: `Username: `, then `Password: `
 * (typed unseen; the terminal keeps it out of its history and sandbox), then the login itself.
 * Each question is the terminal's next prompt; the command has returned by then.
 */
function askCredentials(ctx: CommandContext & { terminal: NonNullable<CommandContext["terminal"]> }, user: string, server: string, done: (ctx: CommandContext, username: string, password: string) => Promise<number>): void {
  const { io, terminal } = ctx;
  const askPassword = (username: string, out: CommandIO) => {
    if (server === INDEX_SERVER) out.stderr(note(io.isTTY, "A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit https://app.docker.com/settings\n\n"));
    terminal.attach(
      questionConsole("Password: ", io, async (password, replyIO) => {
        if (password === "") return fail(replyIO, "error: password is required");
        return done({ ...ctx, io: replyIO }, username, password);
      }, true),
    );
  };
  if (user !== "") return askPassword(user, io);
  if (server === INDEX_SERVER) io.stdout(`${REGISTER_SUGGEST}\n${PAT_SUGGEST}\n\n`);
  terminal.attach(
    questionConsole("Username: ", io, async (answer, replyIO) => {
      const username = answer.trim();
      if (username === "") return fail(replyIO, "error: username is required");
      askPassword(username, replyIO);
      return 0;
    }),
  );
}

function fail(io: CommandIO, message: string): number {
  io.stderr(`${message}\n`);
  return 1;
}

/** Check the credentials with the registry, keep them, and say so. */
async function logIn(ctx: CommandContext, key: string, username: string, password: string): Promise<number> {
  try {
    const status = (await ctx.engine.systemAuth({ username, password, serveraddress: key })).Status;
    await storeCredentials(ctx, key, username, password);
    ctx.io.stdout(`${status}\n`);
    return 0;
  } catch (error) {
    return fail(ctx.io, describeError(error));
  }
}

/** Store the credentials; a change of what was stored prints the file store's warning. */
async function storeCredentials(ctx: CommandContext, key: string, username: string, password: string): Promise<void> {
  const config = await loadConfig(ctx.host);
  const auth = encode(`${username}:${password}`);
  if (config.auths[key]?.auth === auth && Object.keys(config.auths[key]!).length === 1) return;
  config.auths[key] = { auth };
  try {
    await saveConfig(ctx.host, config);
  } catch (error) {
    throw new LoginError(`error saving credentials: ${error instanceof Error ? error.message : String(error)}`);
  }
  ctx.io.stderr(`\nWARNING! Your credentials are stored unencrypted in '${configPath(ctx.host)}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`);
}

/** docker login */
export const login: CommandSpec = {
  name: "login",
  usage: "[OPTIONS] [SERVER]",
  short: "Authenticate to a registry",
  args: { max: 1 },
  flags: [
    { long: "password", short: "p", type: "string", usage: "Password or Personal Access Token (PAT)" },
    { long: "password-stdin", type: "bool", usage: "Take the Password or Personal Access Token (PAT) from stdin" },
    { long: "username", short: "u", type: "string", usage: "Username" },
  ],
  async run(ctx, flags, [serverArg]) {
    const { io, engine } = ctx;
    const fail = (message: string) => {
      io.stderr(`${message}\n`);
      return 1;
    };
    const userSet = flags["username"] !== undefined;
    const passwordSet = flags["password"] !== undefined;
    let user = (flags["username"] as string | undefined) ?? "";
    let password = (flags["password"] as string | undefined) ?? "";
    const passwordStdin = flags["password-stdin"] === true;
    if (passwordStdin && passwordSet) return fail("conflicting options: cannot specify both --password and --password-stdin");
    if (passwordStdin && !userSet) return fail("the --password-stdin option requires --username to be set");
    if (userSet && user === "") return fail("username is empty");
    if (passwordSet && password === "") return fail("password is empty");
    if (password !== "") io.stderr("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n");
    if (passwordStdin) password = (io.stdin ?? "").replace(/\n$/, "").replace(/\r$/, "");

    const server = serverArg !== undefined && serverArg !== "" && serverArg !== "docker.io" ? serverArg : INDEX_SERVER;
    const key = server === INDEX_SERVER ? INDEX_SERVER : convertToHostname(server);
    try {
      let status: string | undefined;
      // No credentials given: try the stored ones first.
      const stored = user === "" && password === "" ? await storedAuth(ctx.host, key) : undefined;
      if (stored?.username && stored.password) {
        io.stderr(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
        io.stderr(`${note(io.isTTY, "To login with a different account, run 'docker logout' followed by 'docker login'")}\n\n`);
        try {
          status = (await engine.systemAuth({ username: stored.username, password: stored.password, serveraddress: key })).Status;
        } catch (error) {
          io.stderr(`Login did not succeed, error: ${describeError(error)}\n`);
        }
      }
      if (status === undefined) {
        if ((user === "" || password === "") && (ctx.terminal === undefined || io.stdin !== undefined)) {
          return fail("error: cannot perform an interactive login from a non TTY device");
        }
        if (key === INDEX_SERVER && user === "" && password === "") {
          // The web-based device login needs login.docker.com: there is no internet here.
          io.stderr("Failed to start web-based login - falling back to command line login...\n\n");
        }
        if ((user === "" || password === "") && ctx.terminal) {
          askCredentials({ ...ctx, terminal: ctx.terminal }, user, key, (answered, username, secret) => logIn(answered, key, username, secret));
          return 0;
        }
        status = (await engine.systemAuth({ username: user, password, serveraddress: key })).Status;
        await storeCredentials(ctx, key, user, password);
      }
      io.stdout(`${status}\n`);
      return 0;
    } catch (error) {
      return fail(describeError(error));
    }
  },
};

/** docker logout */
export const logout: CommandSpec = {
  name: "logout",
  usage: "[SERVER]",
  short: "Log out from a registry",
  args: { max: 1 },
  flags: [],
  async run(ctx, _flags, [serverArg]) {
    const isDefault = serverArg === undefined || serverArg === "";
    const server = isDefault ? INDEX_SERVER : serverArg;
    const hostname = isDefault ? server : convertToHostname(server);
    // Older CLIs stored some servers with a scheme: remove every form.
    const keys = isDefault ? [server] : [server, hostname, `http://${hostname}`, `https://${hostname}`];
    ctx.io.stdout(`Removing login credentials for ${hostname}\n`);
    const config = await loadConfig(ctx.host);
    if (!keys.some((k) => k in config.auths)) return 0;
    for (const k of keys) delete config.auths[k];
    try {
      await saveConfig(ctx.host, config);
    } catch (error) {
      ctx.io.stderr(`WARNING: could not erase credentials:\n${server}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 0;
  },
};
