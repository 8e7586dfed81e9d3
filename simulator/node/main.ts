/**
 * `npm run sim`: the simulated host in your own terminal.
 * `npm run -s sim -- --json` reads a script on stdin and prints one JSON object per command:
 * {"command","stdout","stderr","exitCode"}. Transcript and differential tests rely on this shape.
 */
import { createInterface } from "node:readline";
import { createSimulator } from "../index.ts";
import { splitScript } from "../shell/script.ts";
import { exitRequest } from "../shell/session.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function runJson(): Promise<void> {
  const sim = createSimulator();
  for (const command of splitScript(await readStdin())) {
    const { stdout, stderr, exitCode } = await sim.exec(command);
    process.stdout.write(`${JSON.stringify({ command, stdout, stderr, exitCode })}\n`);
  }
}

async function runInteractive(): Promise<void> {
  const tty = process.stdout.isTTY === true;
  const sim = createSimulator({ interactive: tty, columns: process.stdout.columns ?? 80 });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY === true, historySize: 1000 });
  let running: AbortController | undefined;
  rl.on("SIGINT", () => {
    if (running) running.abort();
    else {
      process.stdout.write("^C\n");
      rl.setPrompt(sim.prompt());
      rl.prompt();
    }
  });
  if (tty) process.stdout.write("Dockyard simulated host. Type docker commands; `exit` or Ctrl-D leaves.\n");
  rl.setPrompt(sim.prompt());
  rl.prompt();
  for await (const line of rl) {
    // `exit` leaves the host; inside a container's shell it belongs to that shell.
    if (sim.prompt().startsWith("learner@") && exitRequest(line, 0) !== undefined) break;
    if (line.trim() !== "") {
      running = new AbortController();
      await sim.exec(line, { signal: running.signal, onOutput: (stream, text) => (stream === "stdout" ? process.stdout : process.stderr).write(text) });
      running = undefined;
    }
    rl.setPrompt(sim.prompt());
    rl.prompt();
  }
  rl.close();
}

const main = process.argv.includes("--json") ? runJson : runInteractive;
// Containers left running (sleep 300) hold timers: the simulated host goes away with the script.
main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`dockyard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
