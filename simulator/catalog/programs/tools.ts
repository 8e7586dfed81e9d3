/** Command-line tools that packages install (git, vim, nano, gcc, make): their versions, and what they do without a network or a terminal. */
import type { Program, ProcessContext } from "../../engine/process.ts";

const release = async (ctx: ProcessContext) => {
  const text = await ctx.fs.readFile("/etc/os-release").catch(() => "");
  return /^VERSION_CODENAME=(\S+)$/m.exec(text)?.[1] ?? ((await ctx.fs.exists("/etc/alpine-release")) ? "alpine" : "");
};

const GIT: Record<string, string> = { xenial: "2.7.4", bionic: "2.17.1", focal: "2.25.1", jammy: "2.34.1", noble: "2.43.0", bookworm: "2.39.5", trixie: "2.47.3", alpine: "2.49.1" };
const VIM: Record<string, string> = { xenial: "7.4", bionic: "8.0", focal: "8.1", jammy: "8.2", noble: "9.1", bookworm: "9.0", trixie: "9.1", alpine: "9.1" };
const GCC: Record<string, string> = { xenial: "5.4.0", bionic: "7.5.0", focal: "9.4.0", jammy: "11.4.0", noble: "13.3.0", bookworm: "12.2.0", trixie: "14.2.0", alpine: "14.2.0" };
const MAKE: Record<string, string> = { xenial: "4.1", bionic: "4.1", focal: "4.2.1", jammy: "4.3", noble: "4.3", bookworm: "4.3", trixie: "4.4.1", alpine: "4.4.1" };
const NANO: Record<string, string> = { xenial: "2.5.3", bionic: "2.9.3", focal: "4.8", jammy: "6.2", noble: "7.2", bookworm: "7.2", trixie: "8.4", alpine: "8.4" };

export const git: Program = async (ctx) => {
  const [command, ...rest] = ctx.argv.slice(1);
  if (command === "--version" || command === "version") {
    ctx.stdout(`git version ${GIT[await release(ctx)] ?? "2.47.3"}\n`);
    return 0;
  }
  if (command === "clone" || command === "fetch" || command === "pull" || command === "ls-remote") {
    const url = rest.find((a) => /^(https?|git|ssh):\/\/|@/.test(a)) ?? "";
    const host = /^(?:\w+:\/\/)?(?:[^@/]+@)?([^/:]+)/.exec(url)?.[1] ?? "remote";
    if (command === "clone") ctx.stderr(`Cloning into '${(url.split("/").pop() ?? "repo").replace(/\.git$/, "")}'...\n`);
    ctx.stderr(`fatal: unable to access '${url}': Could not resolve host: ${host}\n`);
    return 128;
  }
  if (command === "init") {
    const dir = rest.find((a) => !a.startsWith("-")) ?? ".";
    const root = dir.startsWith("/") ? dir : `${ctx.cwd.replace(/\/$/, "")}/${dir === "." ? "" : dir}`.replace(/\/$/, "");
    await ctx.fs.mkdir(`${root}/.git/objects`, { recursive: true });
    await ctx.fs.mkdir(`${root}/.git/refs/heads`, { recursive: true });
    await ctx.fs.writeFile(`${root}/.git/HEAD`, "ref: refs/heads/master\n");
    ctx.stdout(`Initialized empty Git repository in ${root || ""}/.git/\n`);
    return 0;
  }
  ctx.stderr(`git (simulated): only 'git --version', 'git init' and network commands (which fail without a network) are modelled\n`);
  return 1;
};

/** Editors need a terminal: without one (a build, `docker run` without -t) they say so, as vim and nano do. */
export const vim: Program = async (ctx) => {
  if (ctx.argv[1] === "--version") {
    const v = VIM[await release(ctx)] ?? "9.1";
    ctx.stdout(`VIM - Vi IMproved ${v} (2024 Jan 02, compiled Jan 01 2025 00:00:00)\nIncluded patches: 1-16\n`);
    return 0;
  }
  if (!ctx.tty) {
    ctx.stderr("Vim: Warning: Output is not to a terminal\nVim: Warning: Input is not from a terminal\n");
    return 1;
  }
  ctx.stderr("vim (simulated): interactive editing is not available here; use the editor panel or a heredoc (cat > file <<'EOF')\n");
  return 1;
};

export const nano: Program = async (ctx) => {
  if (ctx.argv[1] === "--version" || ctx.argv[1] === "-V") {
    const v = NANO[await release(ctx)] ?? "8.4";
    ctx.stdout(` GNU nano, version ${v}\n (C) 2024 the Free Software Foundation and various contributors\n`);
    return 0;
  }
  ctx.stderr(ctx.tty ? "nano (simulated): interactive editing is not available here; use the editor panel or a heredoc (cat > file <<'EOF')\n" : "Too many errors from stdin\n");
  return 1;
};

export const gcc: Program = async (ctx) => {
  const name = ctx.argv[0]?.slice(ctx.argv[0].lastIndexOf("/") + 1) ?? "gcc";
  if (ctx.argv[1] === "--version") {
    const r = await release(ctx);
    ctx.stdout(`${name} (${r === "alpine" ? "Alpine" : r === "bookworm" || r === "trixie" ? "Debian" : "Ubuntu"} ${GCC[r] ?? "14.2.0"}) ${GCC[r] ?? "14.2.0"}\nCopyright (C) 2024 Free Software Foundation, Inc.\nThis is free software; see the source for copying conditions.  There is NO\nwarranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.\n\n`);
    return 0;
  }
  if (ctx.argv.length === 1) {
    ctx.stderr(`${name}: fatal error: no input files\ncompilation terminated.\n`);
    return 1;
  }
  ctx.stderr(`${name} (simulated): compiling is not modelled\n`);
  return 1;
};

export const make: Program = async (ctx) => {
  if (ctx.argv[1] === "--version" || ctx.argv[1] === "-v") {
    ctx.stdout(`GNU Make ${MAKE[await release(ctx)] ?? "4.4.1"}\nBuilt for x86_64-pc-linux-gnu\n`);
    return 0;
  }
  const hasMakefile = (await ctx.fs.exists(`${ctx.cwd}/Makefile`)) || (await ctx.fs.exists(`${ctx.cwd}/makefile`));
  ctx.stderr(hasMakefile ? "make (simulated): running Makefiles is not modelled\n" : "make: *** No targets specified and no makefile found.  Stop.\n");
  return 2;
};
