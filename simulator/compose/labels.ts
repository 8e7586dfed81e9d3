// Compose's labels and names: how a project's containers, networks and volumes are found again.
import { COMPOSE_VERSION } from "../engine/versions.ts";

export const LABEL = {
  project: "com.docker.compose.project",
  service: "com.docker.compose.service",
  configHash: "com.docker.compose.config-hash",
  containerNumber: "com.docker.compose.container-number",
  volume: "com.docker.compose.volume",
  network: "com.docker.compose.network",
  workingDir: "com.docker.compose.project.working_dir",
  configFiles: "com.docker.compose.project.config_files",
  environmentFile: "com.docker.compose.project.environment_file",
  oneoff: "com.docker.compose.oneoff",
  slug: "com.docker.compose.slug",
  image: "com.docker.compose.image",
  dependsOn: "com.docker.compose.depends_on",
  version: "com.docker.compose.version",
  replace: "com.docker.compose.replace",
} as const;

/** `5.0.2`: the value of com.docker.compose.version. */
export const COMPOSE_LABEL_VERSION = COMPOSE_VERSION.replace(/^v/, "");

/** `<project>-<service>-<n>`, or the service's container_name. */
export function containerName(project: string, service: string, number: number, explicit?: string): string {
  return explicit ?? `${project}-${service}-${number}`;
}

/** The name compose prints in logs and attach lines: the container name without the project (`web-1`). */
export function shortName(containerFullName: string, project: string): string {
  const name = containerFullName.replace(/^\//, "");
  return name.startsWith(`${project}-`) ? name.slice(project.length + 1) : name;
}

/** containerList filters for a project's containers (one-off ones only with `oneOff`). */
export function projectFilters(project: string, options: { oneOff?: boolean | "include"; services?: string[] } = {}): Record<string, string[]> {
  const label = [`${LABEL.project}=${project}`];
  if (options.oneOff !== "include") label.push(`${LABEL.oneoff}=${options.oneOff ? "True" : "False"}`);
  if (options.services?.length === 1) label.push(`${LABEL.service}=${options.services[0]}`);
  return { label };
}
