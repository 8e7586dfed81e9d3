import { testSimulator } from "./tests/unit/helpers.ts";
const { sim } = testSimulator();
for (const l of ["docker pull busybox", "docker run -d busybox true", "docker run -d --name s busybox sleep 300", "docker ps", "docker stop -t 0 s", "docker run --name l busybox sh -c 'echo one; echo two'", "docker logs l"]) console.log(l, await sim.exec(l));
