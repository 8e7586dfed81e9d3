/**
 * The Engine API request an Engine call stands for (`containerStart("web")` is `POST
 * /containers/web/start`), so the architecture view animates client -> daemon traffic on the real
 * engine as it does on the simulated one.
 */
const arg = (params: unknown[], i: number) => encodeURIComponent(String(params[i] ?? ""));

const routes: Record<string, (p: unknown[]) => [string, string]> = {
  version: () => ["GET", "/version"],
  info: () => ["GET", "/info"],
  imagePull: (p) => ["POST", `/images/create?fromImage=${arg(p, 0)}`],
  imageList: () => ["GET", "/images/json"],
  imageInspect: (p) => ["GET", `/images/${arg(p, 0)}/json`],
  imageRemove: (p) => ["DELETE", `/images/${arg(p, 0)}`],
  imageTag: (p) => ["POST", `/images/${arg(p, 0)}/tag`],
  imageHistory: (p) => ["GET", `/images/${arg(p, 0)}/history`],
  imageSearch: (p) => ["GET", `/images/search?term=${arg(p, 0)}`],
  imagePrune: () => ["POST", "/images/prune"],
  imagePush: (p) => ["POST", `/images/${arg(p, 0)}/push`],
  imageBuild: () => ["POST", "/build"],
  systemAuth: () => ["POST", "/auth"],
  containerCreate: (p) => ["POST", `/containers/create${(p[1] as { name?: string } | undefined)?.name ? `?name=${encodeURIComponent((p[1] as { name: string }).name)}` : ""}`],
  containerStart: (p) => ["POST", `/containers/${short(p)}/start`],
  containerStop: (p) => ["POST", `/containers/${short(p)}/stop`],
  containerRestart: (p) => ["POST", `/containers/${short(p)}/restart`],
  containerKill: (p) => ["POST", `/containers/${short(p)}/kill`],
  containerPause: (p) => ["POST", `/containers/${short(p)}/pause`],
  containerUnpause: (p) => ["POST", `/containers/${short(p)}/unpause`],
  containerRename: (p) => ["POST", `/containers/${short(p)}/rename`],
  containerTop: (p) => ["GET", `/containers/${short(p)}/top`],
  containerChanges: (p) => ["GET", `/containers/${short(p)}/changes`],
  containerStats: (p) => ["GET", `/containers/${short(p)}/stats?stream=false`],
  containerStatPath: (p) => ["HEAD", `/containers/${short(p)}/archive`],
  containerArchive: (p) => ["GET", `/containers/${short(p)}/archive`],
  containerExtract: (p) => ["PUT", `/containers/${short(p)}/archive`],
  containerCommit: (p) => ["POST", `/commit?container=${short(p)}`],
  containerPrune: () => ["POST", "/containers/prune"],
  containerExec: (p) => ["POST", `/containers/${short(p)}/exec`],
  containerAttach: (p) => ["POST", `/containers/${short(p)}/attach?stream=1&stdout=1&stderr=1`],
  containerWait: (p) => ["POST", `/containers/${short(p)}/wait`],
  containerList: () => ["GET", "/containers/json"],
  containerInspect: (p) => ["GET", `/containers/${short(p)}/json`],
  containerRemove: (p) => ["DELETE", `/containers/${short(p)}`],
  containerLogs: (p) => ["GET", `/containers/${short(p)}/logs`],
  systemDf: () => ["GET", "/system/df"],
  systemEvents: () => ["GET", "/events"],
  volumeCreate: () => ["POST", "/volumes/create"],
  volumeList: () => ["GET", "/volumes"],
  volumeInspect: (p) => ["GET", `/volumes/${arg(p, 0)}`],
  volumeRemove: (p) => ["DELETE", `/volumes/${arg(p, 0)}`],
  volumePrune: () => ["POST", "/volumes/prune"],
  networkCreate: () => ["POST", "/networks/create"],
  networkList: () => ["GET", "/networks"],
  networkInspect: (p) => ["GET", `/networks/${arg(p, 0)}`],
  networkRemove: (p) => ["DELETE", `/networks/${arg(p, 0)}`],
  networkConnect: (p) => ["POST", `/networks/${arg(p, 0)}/connect`],
  networkDisconnect: (p) => ["POST", `/networks/${arg(p, 0)}/disconnect`],
  networkPrune: () => ["POST", "/networks/prune"],
};

/** IDs shortened to 12 as the simulated engine's traces show them; names as typed. */
function short(params: unknown[]): string {
  const ref = String(params[0] ?? "");
  return /^[0-9a-f]{64}$/.test(ref) ? ref.slice(0, 12) : encodeURIComponent(ref);
}

/** `[method, path]` of the API request behind an Engine call, or undefined for the gateway's own calls. */
export function apiRequest(method: string, params: unknown[]): [string, string] | undefined {
  return routes[method]?.(params);
}
