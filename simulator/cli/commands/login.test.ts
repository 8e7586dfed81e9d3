import { describe, expect, it } from "vitest";
import { testSimulator } from "../../../tests/unit/helpers.ts";

const STORED_WARNING =
  "\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";

describe("docker login", () => {
  it("logs in to Docker Hub with -u and -p, warns twice and writes config.json", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("docker login -u alice -p s3cret");
    expect(r).toEqual({ exitCode: 0, stdout: "Login Succeeded\n", stderr: `WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n${STORED_WARNING}` });
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toBe('{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "YWxpY2U6czNjcmV0"\n\t\t}\n\t}\n}\n');
  });

  it("takes the password from stdin with --password-stdin", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("echo s3cret | docker login --username alice --password-stdin");
    expect(r).toEqual({ exitCode: 0, stdout: "Login Succeeded\n", stderr: STORED_WARNING });
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toContain('"auth": "YWxpY2U6czNjcmV0"');
  });

  it("logs in again with the stored credentials, without a new warning", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker login -u alice -p s3cret");
    const r = await sim.exec("docker login");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("Login Succeeded\n");
    expect(r.stderr).toBe("Authenticating with existing credentials... [Username: alice]\n\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n");
  });

  it("asks for the username and then the password (unseen) at the terminal", async () => {
    const { sim } = testSimulator({ interactive: true });
    const r = await sim.exec("docker login");
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("Failed to start web-based login - falling back to command line login...\n\n");
    expect(r.stdout).toContain("Log in with your Docker ID or email address to push and pull images from Docker Hub.");
    expect(sim.prompt()).toBe("Username: ");
    expect(sim.promptIsSecret()).toBe(false);
    const named = await sim.exec("alice");
    expect(named.stderr).toContain("A Personal Access Token (PAT) can be used instead.");
    expect(sim.prompt()).toBe("Password: ");
    expect(sim.promptIsSecret()).toBe(true);
    const done = await sim.exec("s3cret");
    expect(done.stdout).toBe("Login Succeeded\n");
    expect(done.stderr).toBe(STORED_WARNING);
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    expect(sim.promptIsSecret()).toBe(false);
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toContain('"auth": "YWxpY2U6czNjcmV0"');
  });

  it("asks only for the password when -u is given, and refuses an empty one", async () => {
    const { sim } = testSimulator({ interactive: true });
    await sim.exec("docker login -u alice");
    expect(sim.prompt()).toBe("Password: ");
    expect(await sim.exec("")).toEqual({ exitCode: 0, stdout: "", stderr: "error: password is required\n" });
    expect(sim.prompt()).toBe("learner@dockyard:~$ ");
    expect((await sim.exec("cat ~/.docker/config.json")).exitCode).not.toBe(0);
  });

  it("refuses an interactive login without a terminal", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker login")).toEqual({ exitCode: 1, stdout: "", stderr: "error: cannot perform an interactive login from a non TTY device\n" });
    expect((await sim.exec("docker login -u alice")).stderr).toBe("error: cannot perform an interactive login from a non TTY device\n");
    expect((await sim.exec("printf '' | docker login -u alice --password-stdin")).stderr).toBe("error: cannot perform an interactive login from a non TTY device\n");
  });

  it("checks its flags as the CLI does", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker login -u ''")).toEqual({ exitCode: 1, stdout: "", stderr: "username is empty\n" });
    expect((await sim.exec("docker login -u alice -p ''")).stderr).toBe("password is empty\n");
    expect((await sim.exec("echo x | docker login --password-stdin")).stderr).toBe("the --password-stdin option requires --username to be set\n");
    expect((await sim.exec("echo x | docker login -u alice -p x --password-stdin")).stderr).toBe("conflicting options: cannot specify both --password and --password-stdin\n");
  });

  it("rejects a name that is not a Docker ID", async () => {
    const { sim } = testSimulator();
    const r = await sim.exec("echo pw | docker login -u 'Not A User' --password-stdin");
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n' });
    expect((await sim.exec("cat ~/.docker/config.json")).exitCode).not.toBe(0);
  });

  it("answers for a private registry only while one runs", async () => {
    const { sim } = testSimulator();
    expect((await sim.exec("echo pw | docker login localhost:5000 -u bob --password-stdin")).stderr).toBe(
      'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n',
    );
    expect((await sim.exec("echo pw | docker login registry.example.com -u bob --password-stdin")).stderr).toBe(
      'Error response from daemon: Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com on 127.0.0.53:53: no such host\n',
    );
    await sim.exec("docker run -d -p 5000:5000 registry:2");
    const r = await sim.exec("echo pw | docker login localhost:5000 -u bob --password-stdin");
    expect(r).toMatchObject({ exitCode: 0, stdout: "Login Succeeded\n" });
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toContain('"localhost:5000": {\n\t\t\t"auth": "Ym9iOnB3"\n\t\t}');
  });
});

describe("docker logout", () => {
  it("removes Docker Hub's credentials and keeps the others", async () => {
    const { sim } = testSimulator();
    await sim.exec("docker run -d -p 5000:5000 registry:2");
    await sim.exec("docker login -u alice -p s3cret");
    await sim.exec("docker login localhost:5000 -u bob -p pw");
    expect(await sim.exec("docker logout")).toEqual({ exitCode: 0, stdout: "Removing login credentials for https://index.docker.io/v1/\n", stderr: "" });
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toBe('{\n\t"auths": {\n\t\t"localhost:5000": {\n\t\t\t"auth": "Ym9iOnB3"\n\t\t}\n\t}\n}\n');
    expect((await sim.exec("docker logout http://localhost:5000/")).stdout).toBe("Removing login credentials for localhost:5000\n");
    expect((await sim.exec("cat ~/.docker/config.json")).stdout).toBe('{\n\t"auths": {}\n}\n');
  });

  it("says the same when there was nothing to remove", async () => {
    const { sim } = testSimulator();
    expect(await sim.exec("docker logout registry.example.com")).toEqual({ exitCode: 0, stdout: "Removing login credentials for registry.example.com\n", stderr: "" });
  });
});
