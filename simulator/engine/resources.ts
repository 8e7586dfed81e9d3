/** The daemon's checks of a container's resource limits, with dockerd's texts. */
import type { HostConfig } from "../backend/api-types.ts";
import { invalidParameter } from "../backend/errors.ts";

/** The simulated host's CPUs and memory (`docker info`). */
export const HOST_CPUS = 2;
export const HOST_MEMORY = 4_102_201_344;

export function checkResources(host: HostConfig): void {
  const memory = host.Memory ?? 0;
  if (memory > 0 && memory < 6 * 1024 * 1024) throw invalidParameter("Minimum memory limit allowed is 6MB");
  const swap = host.MemorySwap ?? 0;
  if (swap > 0 && memory === 0) throw invalidParameter("You should always set the Memory limit when using Memoryswap limit, see usage");
  if (swap > 0 && swap < memory) throw invalidParameter("Minimum memoryswap limit should be larger than memory limit, see usage");
  const nano = host.NanoCpus ?? 0;
  if (nano < 0 || (nano > 0 && (nano < 1e7 || nano > HOST_CPUS * 1e9))) {
    throw invalidParameter(`Range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`);
  }
  if (nano > 0 && (host.CpuShares ?? 0) < 0) throw invalidParameter("CPU shares must be positive");
}
