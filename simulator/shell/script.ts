/** Split a shell script into the commands a person would type one by one. */

/**
 * One entry per command: blank lines and `#` comments are skipped, a line ending in `\`
 * continues on the next, and a heredoc (`cat > f <<'EOF' ... EOF`) stays with its command.
 */
export function splitScript(script: string): string[] {
  const lines = script.replace(/\r\n/g, "\n").split("\n");
  const commands: string[] = [];
  let i = 0;
  while (i < lines.length) {
    let command = lines[i++]!;
    if (command.trim() === "" || command.trim().startsWith("#")) continue;
    while (command.endsWith("\\") && i < lines.length) command = `${command.slice(0, -1)}${lines[i++]}`;
    const unquoted = command.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (m) => (m.includes("<<") ? "" : m));
    for (const match of unquoted.matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g)) {
      const stripTabs = match[1] === "-";
      const delimiter = match[3]!;
      const body: string[] = [];
      while (i < lines.length) {
        const line = lines[i++]!;
        if ((stripTabs ? line.replace(/^\t+/, "") : line) === delimiter) {
          body.push(line);
          break;
        }
        body.push(line);
      }
      command += `\n${body.join("\n")}`;
    }
    commands.push(command);
  }
  return commands;
}
