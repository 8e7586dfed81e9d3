// pip and python in containers: installs from the simulated PyPI, imports against what is installed.
import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

async function sim(...images: string[]) {
  const { sim } = testSimulator();
  for (const image of images) await sim.exec(`docker pull -q ${image}`);
  return sim;
}

describe("pip install", () => {
  it("in a python image: collects Flask and its dependencies, installs them into site-packages", async () => {
    const s = await sim("python:3.13");
    const r = await s.exec("docker run --name py python:3.13 sh -c 'pip install flask && python -c \"import flask\" && pip freeze'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Collecting flask\n  Downloading flask-3\.1\.2-py3-none-any\.whl\.metadata \([\d.]+ kB\)\nCollecting blinker>=1\.9\.0 \(from flask\)\n/);
    expect(r.stdout).toContain("Downloading werkzeug-3.1.4-py3-none-any.whl (224 kB)\n");
    expect(r.stdout).toContain("Installing collected packages: blinker, click, itsdangerous, markupsafe, jinja2, werkzeug, flask\n");
    expect(r.stdout).toContain("Successfully installed blinker-1.9.0 click-8.3.1 flask-3.1.2 itsdangerous-2.2.0 jinja2-3.1.6 markupsafe-3.0.3 werkzeug-3.1.4\n");
    expect(r.stdout).toContain("flask==3.1.2\n");
    expect(r.stderr).toContain("WARNING: Running pip as the 'root' user can result in broken permissions");
    expect(r.stderr).toContain("[notice] A new release of pip is available: 25.2 -> 25.3\n");
    const diff = await s.exec("docker diff py");
    expect(diff.stdout).toContain("A /usr/local/lib/python3.13/site-packages/flask\n");
    expect(diff.stdout).toContain("A /usr/local/bin/flask\n");
  });

  it("an unknown project has no matching distribution", async () => {
    const s = await sim("python:3.13-slim");
    const r = await s.exec("docker run --rm python:3.13-slim pip install nosuchproject==1.0");
    expect(r.stdout).toBe("Collecting nosuchproject==1.0\n");
    expect(r.stderr).toBe("ERROR: Could not find a version that satisfies the requirement nosuchproject==1.0 (from versions: none)\nERROR: No matching distribution found for nosuchproject==1.0\n");
    expect(r.exitCode).toBe(1);
  });

  it("-r reads the requirements file from the working directory, and says when it is missing", async () => {
    const s = await sim("python:3.12-slim");
    const missing = await s.exec("docker run --rm -w /app python:3.12-slim pip install -r requirements.txt");
    expect(missing.stderr).toBe("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements.txt'\n");
    expect(missing.exitCode).toBe(1);
    const r = await s.exec("docker run --rm -w /app python:3.12-slim sh -c 'printf \"requests==2.32.5\\n# comment\\n\" > requirements.txt && pip install -r requirements.txt --root-user-action=ignore'");
    expect(r.stdout).toMatch(/^Collecting requests==2\.32\.5 \(from -r requirements\.txt \(line 1\)\)\n/);
    expect(r.stdout).toContain("Collecting charset_normalizer<4,>=2 (from requests==2.32.5->-r requirements.txt (line 1))\n");
    expect(r.stdout).toContain("Successfully installed certifi-2025.11.12 charset_normalizer-3.4.4 idna-3.11 requests-2.32.5 urllib3-2.5.0\n");
    expect(r.stderr).not.toContain("Running pip as the 'root' user");
    expect(r.stderr).toContain("[notice] A new release of pip is available: 25.0.1 -> 25.3\n");
  });

  it("Ubuntu 16.04's pip 8 on Python 2 prints pip 8's lines and its upgrade hint", async () => {
    const s = await sim("ubuntu:16.04");
    const r = await s.exec("docker run --rm ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install -y python-pip >/dev/null 2>&1 && pip install flask'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Collecting flask\n  Downloading Flask-1\.1\.4-py2\.py3-none-any\.whl \(94kB\)\nCollecting Werkzeug<2\.0,>=0\.15 \(from flask\)\n/);
    expect(r.stdout).toContain("Successfully installed Flask-1.1.4 Jinja2-2.11.3 MarkupSafe-1.1.1 Werkzeug-1.0.1 click-7.1.2 itsdangerous-1.1.0\n");
    expect(r.stderr).toBe("You are using pip version 8.1.1, however version 20.3.4 is available.\nYou should consider upgrading via the 'pip install --upgrade pip' command.\n");
  });

  it("Debian's system python refuses pip (PEP 668) unless --break-system-packages; a venv needs python3-venv", async () => {
    const s = await sim("debian:bookworm");
    const setup = "apt-get update >/dev/null && apt-get install -y python3-pip >/dev/null 2>&1";
    const refused = await s.exec(`docker run --rm debian:bookworm sh -c '${setup} && pip3 install flask'`);
    expect(refused.stderr).toBe(`error: externally-managed-environment

× This environment is externally managed
╰─> To install Python packages system-wide, try apt install
    python3-xyz, where xyz is the package you are trying to
    install.
    
    If you wish to install a non-Debian-packaged Python package,
    create a virtual environment using python3 -m venv path/to/venv.
    Then use path/to/venv/bin/python and path/to/venv/bin/pip. Make
    sure you have python3-full installed.
    
    If you wish to install a non-Debian packaged Python application,
    it may be easiest to use pipx install xyz, which will manage a
    virtual environment for you. Make sure you have pipx installed.
    
    See /usr/share/doc/python3.11/README.venv for more information.

note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
hint: See PEP 668 for the detailed specification.
`);
    expect(refused.exitCode).toBe(1);
    const forced = await s.exec(`docker run --rm debian:bookworm sh -c '${setup} && pip3 install --break-system-packages flask >/dev/null 2>&1 && ls /usr/local/lib/python3.11/dist-packages'`);
    expect(forced.stdout).toContain("flask\n");
    const noVenv = await s.exec(`docker run --rm debian:bookworm sh -c '${setup} && python3 -m venv /opt/venv'`);
    expect(noVenv.stdout).toContain("The virtual environment was not created successfully because ensurepip is not\navailable.");
    expect(noVenv.stdout).toContain("    apt install python3.11-venv\n");
    expect(noVenv.exitCode).toBe(1);
    const venv = await s.exec(`docker run --rm debian:bookworm sh -c '${setup} && apt-get install -y python3-venv >/dev/null 2>&1 && python3 -m venv /opt/venv && /opt/venv/bin/pip install flask && /opt/venv/bin/python -c "import flask"'`);
    expect(venv.exitCode).toBe(0);
    expect(venv.stdout).toContain("Successfully installed blinker-1.9.0 click-8.3.1 flask-3.1.2");
    expect(venv.stderr).toBe("");
  });
});

describe("virtual environments", () => {
  it("python -m venv, activate, pip install: packages land in the venv, with no root warning", async () => {
    const s = await sim("python:3.13-slim");
    const r = await s.exec("docker run --rm python:3.13-slim sh -c 'python -m venv /opt/venv && . /opt/venv/bin/activate && pip install --disable-pip-version-check click && which pip && ls /opt/venv/lib/python3.13/site-packages && python -c \"import click\"'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Successfully installed click-8.3.1\n/opt/venv/bin/pip\nclick\nclick-8.3.1.dist-info\npip\n");
    expect(r.stderr).toBe("");
  });
});

describe("pip on Ubuntu's python3", () => {
  it("22.04's pip 22 installs into /usr/local (with the older root warning); 24.04's refuses (PEP 668)", async () => {
    const s = await sim("ubuntu:22.04", "ubuntu:24.04");
    const setup = "apt-get update >/dev/null && apt-get install -y python3-pip >/dev/null 2>&1";
    const jammy = await s.exec(`docker run --rm ubuntu:22.04 sh -c '${setup} && pip3 --version && pip3 install itsdangerous && python3 -c "import itsdangerous"'`);
    expect(jammy.stdout).toMatch(/^pip 22\.0\.2 from \/usr\/lib\/python3\/dist-packages\/pip \(python 3\.10\)\nCollecting itsdangerous\n  Downloading itsdangerous-2\.2\.0-py3-none-any\.whl \(16 kB\)\nInstalling collected packages: itsdangerous\nSuccessfully installed itsdangerous-2\.2\.0\n$/);
    expect(jammy.stderr).toBe("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv\n");
    const noble = await s.exec(`docker run --rm ubuntu:24.04 sh -c '${setup} && pip install flask'`);
    expect(noble.stderr).toMatch(/^error: externally-managed-environment\n/);
    expect(noble.stderr).toContain("See /usr/share/doc/python3.12/README.venv for more information.");
    expect(noble.exitCode).toBe(1);
  });
});

describe("python imports", () => {
  it("a module that is not installed stops the script, in Python 3's and Python 2's words", async () => {
    const s = await sim("python:3.13-slim", "ubuntu:16.04");
    const py3 = await s.exec("docker run --rm -w /app python:3.13-slim sh -c 'printf \"import os\\nfrom flask import Flask\\n\" > app.py && python app.py'");
    expect(py3.stderr).toBe('Traceback (most recent call last):\n  File "/app/app.py", line 2, in <module>\n    from flask import Flask\nModuleNotFoundError: No module named \'flask\'\n');
    expect(py3.exitCode).toBe(1);
    const py2 = await s.exec("docker run --rm -w /app ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install -y python >/dev/null 2>&1; echo \"import flask\" > app.py && python app.py'");
    expect(py2.stderr).toBe('Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    import flask\nImportError: No module named flask\n');
    expect(py2.exitCode).toBe(1);
  });

  it("a script without imports still runs its prints, relative to the working directory", async () => {
    const s = await sim("python:3.13-slim");
    const r = await s.exec("docker run --rm -w /work python:3.13-slim sh -c 'echo \"print(6*7)\" > a.py && python a.py'");
    expect(r).toMatchObject({ stdout: "42\n", exitCode: 0 });
  });

  it("f-strings are a syntax error before Python 3.6", async () => {
    const s = await sim("ubuntu:16.04");
    const r = await s.exec("docker run --rm ubuntu:16.04 sh -c 'apt-get update >/dev/null && apt-get install -y python >/dev/null 2>&1; echo \"name = 1; print(f\\\"{name}\\\")\" > /a.py && python /a.py'");
    expect(r.stderr).toMatch(/^  File "\/a\.py", line 1\n    name = 1; print\(f"\{name\}"\)\n +\^\nSyntaxError: invalid syntax\n$/);
    expect(r.exitCode).toBe(1);
  });
});
