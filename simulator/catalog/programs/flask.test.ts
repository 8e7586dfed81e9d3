// A Flask app run by python: its banner, its routes over published ports, its error pages.
import { describe, expect, it } from "vitest";
import type { SimulatedClock } from "xstate";
import { testSimulator } from "../../../tests/unit/helpers.ts";
import { parseFlaskScript } from "./flask.ts";
import { evaluate, Unevaluable } from "./python-expr.ts";

const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

const APP = `from flask import Flask, jsonify, render_template
import os

app = Flask(__name__)
GREETING = "Hello"

@app.route("/")
def index():
    return "Hello from Flask!"

@app.route("/hello/<name>")
def hello(name):
    return f"{GREETING}, {name.title()}!"

@app.route("/items/<int:item_id>")
def item(item_id):
    return jsonify({"id": item_id, "name": "item %d" % item_id})

@app.get("/page")
def page():
    return render_template("page.html", title="Docs")

@app.post("/submit")
def submit():
    return "created", 201

@app.route("/hard")
def hard():
    return compute_something()

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", 8000)))
`;

async function project(app: string, dockerfile: string) {
  const { sim, clock } = testSimulator();
  await sim.exec("mkdir -p site/templates && cd site");
  await sim.exec(`cat > app.py <<'EOF'\n${app}\nEOF`);
  await sim.exec(`cat > templates/page.html <<'EOF'\n<h1>{{ title }}</h1>{% if x %}x{% endif %}\nEOF`);
  await sim.exec(`cat > Dockerfile <<'EOF'\n${dockerfile}\nEOF`);
  const build = await sim.exec("docker build -q -t flaskapp .");
  expect(build.exitCode).toBe(0);
  return { sim, clock };
}

const PYTHON_DOCKERFILE = 'FROM python:3.13-slim\nWORKDIR /app\nRUN pip install flask\nCOPY . .\nCMD ["python", "app.py"]';

describe("Flask", () => {
  it("serves the script's routes on the port app.run names, and logs each request", async () => {
    const { sim } = await project(APP, PYTHON_DOCKERFILE);
    await sim.exec("docker run -d --name web -p 8080:8000 -e PORT=8000 flaskapp");
    await tick();
    expect((await sim.exec("curl -s localhost:8080/")).stdout).toBe("Hello from Flask!");
    expect((await sim.exec("curl -s localhost:8080/hello/kim")).stdout).toBe("Hello, Kim!");
    expect((await sim.exec("curl -s localhost:8080/items/7")).stdout).toBe('{"id":7,"name":"item 7"}\n');
    expect((await sim.exec("curl -s localhost:8080/page")).stdout).toBe("<h1>Docs</h1>");
    const created = await sim.exec("curl -si -X POST localhost:8080/submit");
    expect(created.stdout).toMatch(/^HTTP\/1\.1 201 Created\r\nServer: Werkzeug\/3\.1\.4 Python\/3\.13\.9\r\n/);
    const missing = await sim.exec("curl -si localhost:8080/nope");
    expect(missing.stdout).toContain("HTTP/1.1 404 Not Found\r\n");
    expect(missing.stdout).toContain("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n");
    expect((await sim.exec("curl -si localhost:8080/submit")).stdout).toContain("<title>405 Method Not Allowed</title>");
    expect((await sim.exec("curl -si localhost:8080/hard")).stdout).toContain("HTTP/1.1 500 Internal Server Error\r\n");
    const logs = await sim.exec("docker logs web");
    // Without a TTY, python's stdout is block-buffered: the banner's stdout half never reaches the log.
    expect(logs.stdout).toBe("");
    expect(logs.stderr).toMatch(/^WARNING: This is a development server\. Do not use it in a production deployment\. Use a production WSGI server instead\.\n \* Running on all addresses \(0\.0\.0\.0\)\n \* Running on http:\/\/127\.0\.0\.1:8000\n \* Running on http:\/\/172\.17\.0\.\d+:8000\nPress CTRL\+C to quit\n/);
    expect(logs.stderr).toContain('172.17.0.1 - - [28/Nov/2026 12:00:00] "GET /hello/kim HTTP/1.1" 200 -\n');
    expect(logs.stderr).toContain('"GET /nope HTTP/1.1" 404 -\n');
    expect(logs.stderr).toContain("[Dockyard] simulated Flask: hard() returns `compute_something()`");
  });

  it("shows the banner with PYTHONUNBUFFERED, and ignores SIGTERM as PID 1 until docker stop kills it", async () => {
    const { sim, clock } = await project(APP, PYTHON_DOCKERFILE);
    await sim.exec("docker run -d --name web -e PYTHONUNBUFFERED=1 flaskapp");
    await tick();
    expect((await sim.exec("docker logs web")).stdout).toBe(" * Serving Flask app 'app'\n * Debug mode: off\n");
    const stopping = sim.exec("docker stop web");
    for (let i = 0; i < 30; i++) {
      (clock as SimulatedClock).increment(500);
      await tick();
    }
    expect((await stopping).exitCode).toBe(0);
    expect((await sim.exec("docker inspect -f '{{.State.ExitCode}}' web")).stdout).toBe("137\n");
  });

  it("bound to 127.0.0.1 (app.run's default), it cannot be reached through a published port", async () => {
    const { sim } = await project(APP.replace('host="0.0.0.0", ', ""), PYTHON_DOCKERFILE);
    await sim.exec("docker run -d -p 8000:8000 flaskapp");
    await tick();
    const r = await sim.exec("curl -s -S localhost:8000");
    expect(r.stderr).toBe("curl: (56) Recv failure: Connection reset by peer\n");
    expect(r.exitCode).toBe(56);
  });

  it("the flask command pip installs runs the app found in the working directory", async () => {
    const { sim } = await project(APP.split("if __name__")[0]!, 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install flask\nCOPY . .\nENV PYTHONUNBUFFERED=1\nCMD ["flask", "run", "--host=0.0.0.0"]');
    await sim.exec("docker run -d --name web -p 5000:5000 flaskapp");
    await tick();
    expect((await sim.exec("curl -s localhost:5000/hello/ann")).stdout).toBe("Hello, Ann!");
    expect((await sim.exec("docker logs web")).stdout).toBe(" * Serving Flask app 'app'\n * Debug mode: off\n");
    expect((await sim.exec("docker run --rm -w /tmp flaskapp flask run")).stderr).toContain("Error: Could not locate a Flask application.");
    expect((await sim.exec("docker run --rm flaskapp sh -c 'flask --version'")).stdout).toBe("Python 3.12.12\nFlask 3.1.2\nWerkzeug 3.1.4\n");
  });

  it("a script that only defines the app exits at once", async () => {
    const { sim } = await project(APP.split('if __name__')[0]!, PYTHON_DOCKERFILE);
    const r = await sim.exec("docker run --rm flaskapp");
    expect(r).toMatchObject({ stdout: "", exitCode: 0 });
  });
});

describe("reading a Flask script", () => {
  it("finds routes, methods and return expressions", () => {
    const app = parseFlaskScript(APP);
    expect(app.routes.map((r) => [r.rule, r.methods.join(","), r.func])).toEqual([
      ["/", "GET", "index"],
      ["/hello/<name>", "GET", "hello"],
      ["/items/<int:item_id>", "GET", "item"],
      ["/page", "GET", "page"],
      ["/submit", "POST", "submit"],
      ["/hard", "GET", "hard"],
    ]);
    expect(app.run).toContain('host="0.0.0.0"');
  });

  it("evaluates the returns it can, and says which it cannot", () => {
    expect(evaluate(`"Hi {}!".format(name)`, { name: "Lee" })).toBe("Hi Lee!");
    expect(evaluate(`'<b>' + name.upper() + '</b>'`, { name: "x" })).toBe("<b>X</b>");
    expect(evaluate(`{"ok": True, "n": None}`, {})).toEqual({ dict: { ok: true, n: null } });
    expect(() => evaluate("db.query(1)", {})).toThrow(Unevaluable);
  });
});

describe("executables run by their path", () => {
  it("a program's binary runs its model, while an entrypoint script is still read as text", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("docker run --rm alpine sh -c '/sbin/apk --version && apk --version'")).stdout).toBe("apk-tools 2.14.9, compiled for x86_64.\napk-tools 2.14.9, compiled for x86_64.\n");
    expect((await sim.exec("docker run --rm nginx sh -c 'head -1 /docker-entrypoint.sh'")).stdout).toBe("#!/bin/sh\n");
    await sim.exec("docker pull -q python:3.13");
    const plain = await sim.exec("docker run --rm python:3.13 sh -c '/usr/bin/svn --version'");
    expect(plain).toMatchObject({ stderr: "svn (simulated): this program is not modelled in Dockyard\n", exitCode: 126 });
  });
});
