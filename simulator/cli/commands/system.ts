/** docker info and docker system df. */
import type { CommandSpec } from "../command.ts";
import { humanSize } from "../format/units.ts";
import { tabwrite } from "../format/tabwriter.ts";
import { BUILDX_VERSION, CLIENT_VERSION, COMPOSE_VERSION } from "../../engine/versions.ts";
import { describeError } from "./errors.ts";

/** go-units BytesSize: binary units with two decimals ("3.82GiB"). */
const bytesSize = (n: number) => {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number(n.toFixed(2))}${units[i]}`;
};

export const info: CommandSpec = {
  name: "info",
  usage: "[OPTIONS]",
  short: "Display system-wide information",
  args: { max: 0 },
  flags: [{ long: "format", short: "f", type: "string", usage: "Format output using a custom template" }],
  async run({ engine, io }) {
    let text = `Client: Docker Engine - Community\n Version:    ${CLIENT_VERSION}\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  ${BUILDX_VERSION}\n    Path:     /usr/libexec/docker/cli-plugins/docker-buildx\n  compose: Docker Compose (Docker Inc.)\n    Version:  ${COMPOSE_VERSION}\n    Path:     /usr/libexec/docker/cli-plugins/docker-compose\n\n`;
    try {
      const i = await engine.info();
      text += `Server:\n Containers: ${i.Containers}\n  Running: ${i.ContainersRunning}\n  Paused: ${i.ContainersPaused}\n  Stopped: ${i.ContainersStopped}\n Images: ${i.Images}\n Server Version: ${i.ServerVersion}\n Storage Driver: ${i.Driver}\n  driver-type: io.containerd.snapshotter.v1\n Logging Driver: json-file\n Cgroup Driver: systemd\n Cgroup Version: 2\n Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n Security Options:\n  seccomp\n   Profile: builtin\n  cgroupns\n Kernel Version: ${i.KernelVersion}\n Operating System: ${i.OperatingSystem}\n OSType: ${i.OSType}\n Architecture: ${i.Architecture}\n CPUs: ${i.NCPU}\n Total Memory: ${bytesSize(i.MemTotal)}\n Name: ${i.Name}\n ID: ${i.ID}\n Docker Root Dir: ${i.DockerRootDir}\n Debug Mode: false\n Experimental: false\n Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n\n`;
      io.stdout(text);
      return 0;
    } catch (error) {
      io.stdout(text);
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};

export const df: CommandSpec = {
  name: "df",
  usage: "[OPTIONS]",
  short: "Show docker disk usage",
  args: { max: 0 },
  flags: [
    { long: "format", type: "string", usage: "Format output using a custom template" },
    { long: "verbose", short: "v", type: "bool", usage: "Show detailed information on space usage" },
  ],
  async run({ engine, io }) {
    try {
      const usage = await engine.systemDf();
      const activeImages = usage.Images.filter((i) => i.Containers > 0);
      const imageSize = usage.LayersSize;
      const usedSize = activeImages.reduce((s, i) => s + i.Size, 0);
      const reclaimableImages = Math.max(0, imageSize - usedSize);
      const containersSize = usage.Containers.reduce((s, c) => s + (c.SizeRw ?? 0), 0);
      const reclaimableContainers = usage.Containers.filter((c) => c.State !== "running" && c.State !== "paused").reduce((s, c) => s + (c.SizeRw ?? 0), 0);
      const pct = (part: number, whole: number) => (whole > 0 ? ` (${Math.round((part * 100) / whole)}%)` : "");
      io.stdout(tabwrite([
        ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"],
        ["Images", String(usage.Images.length), String(activeImages.length), humanSize(imageSize, 3), `${humanSize(reclaimableImages, 3)}${pct(reclaimableImages, imageSize)}`],
        ["Containers", String(usage.Containers.length), String(usage.Containers.filter((c) => c.State === "running" || c.State === "paused").length), humanSize(containersSize, 3), `${humanSize(reclaimableContainers, 3)}${pct(reclaimableContainers, containersSize)}`],
        ["Local Volumes", String(usage.Volumes.length), "0", "0B", "0B"],
        ["Build Cache", String(usage.BuildCache.length), "0", "0B", "0B"],
      ]));
      return 0;
    } catch (error) {
      io.stderr(`${describeError(error)}\n`);
      return 1;
    }
  },
};
