/**
 * Each session's own default network. Containers that ask for Docker's default network (no
 * `--network`, `default` or `bridge`) are put on a bridge network the gateway makes for the session
 * on first use, so containers of two sessions cannot reach each other (on the shared `bridge` they
 * could). dockerd stores it as `dy<session>_bridge`; the name mapping shows it back as `bridge`.
 */
import { DockerApiError, type DockerClient } from "./docker-client.ts";
import type { Session } from "./sessions.ts";

/** Marks a session's default network (network prune leaves it, the network quota skips it). */
export const bridgeLabel = "dockyard.bridge";

/** The names a session may use for its default network. */
export const defaultNetworkNames = new Set(["default", "bridge"]);

/** What dockerd calls the session's default network. */
export function sessionBridgeName(session: Session): string {
  return session.dockerName("bridge");
}

const ready = new WeakMap<Session, Promise<string>>();

/** The ID of the session's default network, made on first use. */
export function sessionBridge(docker: DockerClient, session: Session): Promise<string> {
  let known = ready.get(session);
  if (!known) {
    known = makeBridge(docker, session);
    ready.set(session, known);
    known.catch(() => ready.delete(session));
  }
  return known;
}

/** Forget the known network (it was removed behind the gateway's back); the next use makes it again. */
export function forgetSessionBridge(session: Session): void {
  ready.delete(session);
}

async function makeBridge(docker: DockerClient, session: Session): Promise<string> {
  const name = sessionBridgeName(session);
  const existing = async () => {
    // GET /networks/{name} also matches ID prefixes; only the exact name counts.
    const found = await docker.json<{ Id: string; Name: string }>("GET", `/networks/${encodeURIComponent(name)}`).catch((e: unknown) => {
      if (e instanceof DockerApiError && e.statusCode === 404) return undefined;
      throw e;
    });
    return found && found.Name === name ? found.Id : undefined;
  };
  const id = await existing();
  if (id) return id;
  try {
    const created = await docker.json<{ Id: string }>("POST", "/networks/create", {
      body: { Name: name, Driver: "bridge", CheckDuplicate: true, Labels: { ...session.labels, [bridgeLabel]: "true" } },
    });
    return created.Id;
  } catch (error) {
    // Two calls of the same session raced; the other one made it.
    if (error instanceof DockerApiError && error.statusCode === 409) {
      const raced = await existing();
      if (raced) return raced;
    }
    throw error;
  }
}
