/** Builder benchmarks: a 20-instruction Dockerfile, built without cache and fully cached. */
import { SimulatedClock } from "xstate";
import { createSimulator } from "../simulator/index.ts";
import { seededIds } from "../simulator/engine/digest.ts";
import type { BenchResult } from "./report.ts";

const DOCKERFILE = `FROM busybox
ARG VERSION=1.0
ENV APP_HOME=/app MODE=production
LABEL org.opencontainers.image.title="bench"
WORKDIR /app
COPY app.sh .
COPY config/ ./config/
RUN chmod +x app.sh
RUN mkdir -p /app/data /app/logs
RUN echo "version $VERSION" > /app/VERSION
RUN for i in 1 2 3 4 5; do echo "line $i" >> /app/data/seed.txt; done
ENV PATH=/app:$PATH
EXPOSE 8080
VOLUME /app/data
USER nobody
HEALTHCHECK --interval=30s CMD ["test", "-f", "/app/VERSION"]
STOPSIGNAL SIGTERM
RUN cat /app/VERSION
ENTRYPOINT ["/app/app.sh"]
CMD ["serve"]
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function buildSpeed(): Promise<BenchResult[]> {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 10, 28, 12));
  const sim = createSimulator({ clock, ids: seededIds("bench-build") });
  await sim.exec("docker pull busybox");
  await sim.exec("mkdir -p /home/learner/app/config && cd /home/learner/app");
  await sim.exec("printf '#!/bin/sh\\necho serving\\n' > app.sh && echo 'key=value' > config/app.conf");
  await sim.exec(`cat > Dockerfile <<'EOF'\n${DOCKERFILE}EOF`);
  const time = async (line: string) => {
    const start = performance.now();
    const r = await sim.exec(line);
    const ms = performance.now() - start;
    if (r.exitCode !== 0) throw new Error(`${line} failed: ${r.stderr}`);
    return ms;
  };
  await time("docker build -q -t bench ."); // warm the JIT
  const cold: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 15; i++) cold.push(await time("docker build -q --no-cache -t bench ."));
  for (let i = 0; i < 15; i++) cached.push(await time("docker build -q -t bench ."));
  return [
    { name: "docker build, 20 instructions, no cache (median of 15)", value: median(cold), unit: "ms", target: 50, better: "lower" },
    { name: "docker build, 20 instructions, fully cached (median of 15)", value: median(cached), unit: "ms", target: 5, better: "lower" },
  ];
}
