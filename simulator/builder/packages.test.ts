// Package managers inside RUN, and the seed's Flask example from Dockerfile to curl.
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../tests/unit/helpers.ts";

const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

async function project(files: Record<string, string>) {
  const { sim, clock } = testSimulator();
  await sim.exec("mkdir app && cd app");
  for (const [name, text] of Object.entries(files)) await sim.exec(`cat > ${name} <<'EOF'\n${text}\nEOF`);
  return { sim, clock };
}

/** The seed's Dockerfile (what-is-docker.ko.md), with a small Flask app. */
const SEED = {
  Dockerfile: `# FROM: 베이스 이미지를 지정
FROM ubuntu:16.04

MAINTAINER "youremail@domain.com"

RUN apt-get update -y && \\
    apt-get install -y python-pip python-dev

COPY . /app

WORKDIR /app

RUN pip install -r requirements.txt

EXPOSE 5000

ENTRYPOINT [ "python" ]

CMD [ "app.py" ]`,
  "requirements.txt": "Flask",
  "app.py": `from flask import Flask
app = Flask(__name__)

@app.route('/')
def hello():
    return 'Hello, Docker!'

@app.route('/users/<name>')
def user(name):
    return 'Hello, {}!'.format(name)

if __name__ == '__main__':
    app.run(host='0.0.0.0')`,
};

describe("the seed's Flask example", () => {
  it("builds: apt-get and pip print what they install, and their layers carry the files", async () => {
    const { sim } = await project(SEED);
    const r = await sim.exec("docker build -t flask-app .");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain("#5 [2/5] RUN apt-get update -y &&     apt-get install -y python-pip python-dev\n");
    expect(r.stderr).toMatch(/#5 \d+\.\d+ Get:1 http:\/\/archive\.ubuntu\.com\/ubuntu xenial InRelease \[247 kB\]\n/);
    expect(r.stderr).toMatch(/#5 \d+\.\d+ Reading package lists\.\.\.\n/);
    expect(r.stderr).toMatch(/#5 \d+\.\d+ The following NEW packages will be installed:\n/);
    expect(r.stderr).toMatch(/#5 \d+\.\d+ Setting up python-pip \(8\.1\.1-2ubuntu0\.6\) \.\.\.\n/);
    expect(r.stderr).toMatch(/#9 \d+\.\d+ Collecting Flask \(from -r requirements\.txt \(line 1\)\)\n/);
    expect(r.stderr).toMatch(/#9 \d+\.\d+ Successfully installed Flask-1\.1\.4 Jinja2-2\.11\.3 MarkupSafe-1\.1\.1 Werkzeug-1\.0\.1 click-7\.1\.2 itsdangerous-1\.1\.0\n/);
    const history = await sim.exec("docker history --format '{{.Size}}\t{{.CreatedBy}}' flask-app");
    const rows = history.stdout.trim().split("\n").map((l) => l.split("\t"));
    const apt = rows.find(([, by]) => by!.startsWith("RUN /bin/sh -c apt-get update"));
    const pip = rows.find(([, by]) => by!.startsWith("RUN /bin/sh -c pip install"));
    expect(apt?.[0]).toMatch(/^1\d\dMB$/);
    expect(pip?.[0]).toMatch(/^[\d.]+MB$/);
    const files = await sim.exec("docker run --rm --entrypoint sh flask-app -c 'ls /usr/local/lib/python2.7/dist-packages && readlink /usr/bin/python'");
    expect(files.stdout).toContain("flask\n");
    expect(files.stdout).toContain("werkzeug\n");
    expect(files.stdout).toContain("python2.7\n");
  });

  it("a second build is all CACHED", async () => {
    const { sim } = await project(SEED);
    await sim.exec("docker build -t flask-app .");
    const again = await sim.exec("docker build -t flask-app .");
    expect(again.stderr).toContain("#5 [2/5] RUN apt-get update -y &&     apt-get install -y python-pip python-dev\n#5 CACHED\n");
    expect(again.stderr).toContain("#9 [5/5] RUN pip install -r requirements.txt\n#9 CACHED\n");
    expect(again.stderr).not.toContain("Collecting Flask");
  });

  it("runs with -p 5000:5000 and answers curl with the app's routes", async () => {
    const { sim } = await project(SEED);
    await sim.exec("docker build -q -t flask-app .");
    const run = await sim.exec("docker run -d --name web -p 5000:5000 flask-app");
    expect(run.exitCode).toBe(0);
    await tick();
    expect(await sim.exec("curl localhost:5000")).toMatchObject({ stdout: "Hello, Docker!", exitCode: 0 });
    expect((await sim.exec("curl -s localhost:5000/users/kim")).stdout).toBe("Hello, kim!");
    const missing = await sim.exec("curl -s localhost:5000/nope");
    expect(missing.stdout).toBe('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n');
    const logs = await sim.exec("docker logs web");
    expect(logs.stderr).toBe(' * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)\n172.17.0.1 - - [28/Nov/2026 12:00:00] "GET / HTTP/1.1" 200 -\n172.17.0.1 - - [28/Nov/2026 12:00:00] "GET /users/kim HTTP/1.1" 200 -\n172.17.0.1 - - [28/Nov/2026 12:00:00] "GET /nope HTTP/1.1" 404 -\n');
    expect((await sim.exec("docker ps --format '{{.Ports}}'")).stdout).toBe("0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp\n");
  });

  it("without flask installed, python says so and the container exits 1", async () => {
    const { sim } = await project({ ...SEED, Dockerfile: SEED.Dockerfile.replace("RUN pip install -r requirements.txt", "") });
    await sim.exec("docker build -q -t no-flask .");
    const r = await sim.exec("docker run --name broken no-flask");
    expect(r.stderr).toBe('Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    from flask import Flask\nImportError: No module named flask\n');
    expect(r.exitCode).toBe(1);
  });
});

describe("package managers in RUN", () => {
  it("apt-get install without apt-get update fails the build as on a fresh image", async () => {
    const { sim } = await project({ Dockerfile: "FROM ubuntu:22.04\nRUN apt-get install -y curl" });
    const r = await sim.exec("docker build .");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/#5 \d+\.\d+ E: Unable to locate package curl\n/);
    expect(r.stderr).toContain('ERROR: failed to build: failed to solve: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100');
  });

  it("rm -rf /var/lib/apt/lists/* in the same RUN keeps the lists out of the layer", async () => {
    const { sim } = await project({ Dockerfile: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*" });
    expect((await sim.exec("docker build -q -t slim-curl .")).exitCode).toBe(0);
    const r = await sim.exec("docker run --rm slim-curl sh -c 'ls /var/lib/apt/lists | wc -l; which curl'");
    expect(r.stdout).toBe("0\n/usr/bin/curl\n");
  });

  it("apk add in an alpine build, and an unknown package failing it", async () => {
    const { sim } = await project({ Dockerfile: "FROM alpine:3.21\nRUN apk add --no-cache python3 py3-pip\nRUN apk add nosuchthing" });
    const r = await sim.exec("docker build .");
    expect(r.stderr).toMatch(/#5 \d+\.\d+ \(\d+\/\d+\) Installing python3 \(3\.12\.12-r0\)\n/);
    expect(r.stderr).toMatch(/#6 \d+\.\d+ ERROR: unable to select packages:\n#6 \d+\.\d+   nosuchthing \(no such package\):\n#6 \d+\.\d+     required by: world\[nosuchthing\]\n/);
    expect(r.stderr).toContain('did not complete successfully: exit code: 1');
  });

  it("pip install of an unknown package fails the build", async () => {
    const { sim } = await project({ Dockerfile: "FROM python:3.13-slim\nRUN pip install flask-nonexistent-xyz" });
    const r = await sim.exec("docker build .");
    expect(r.stderr).toMatch(/ERROR: No matching distribution found for flask-nonexistent-xyz\n/);
    expect(r.exitCode).toBe(1);
  });

  it("npm ci needs a lockfile; npm install writes node_modules and the lockfile", async () => {
    const pkg = JSON.stringify({ name: "web", version: "1.0.0", dependencies: { express: "^5.1.0" } });
    const { sim } = await project({ Dockerfile: "FROM node:lts-alpine\nWORKDIR /srv\nCOPY package.json .\nRUN npm ci", "package.json": pkg });
    const ci = await sim.exec("docker build .");
    expect(ci.stderr).toMatch(/npm error code EUSAGE\n.*npm error The `npm ci` command can only install with an existing package-lock\.json or\n/s);
    expect(ci.exitCode).toBe(1);
    await sim.exec(`cat > Dockerfile <<'EOF'\nFROM node:lts-alpine\nWORKDIR /srv\nCOPY package.json .\nRUN npm install\nRUN npm ci\nEOF`);
    const install = await sim.exec("docker build -t web .");
    expect(install.exitCode).toBe(0);
    expect(install.stderr).toMatch(/#\d+ \d+\.\d+ added 65 packages, and audited 66 packages in 3s\n/);
    expect(install.stderr).toMatch(/#\d+ \d+\.\d+ 14 packages are looking for funding\n/);
    expect(install.stderr).toMatch(/#\d+ \d+\.\d+ found 0 vulnerabilities\n/);
    const files = await sim.exec("docker run --rm web sh -c 'ls node_modules | head -3; cat node_modules/express/package.json'");
    expect(files.stdout).toBe('accepts\nbody-parser\nbytes\n{\n  "name": "express",\n  "version": "5.1.0"\n}\n');
  });
});
