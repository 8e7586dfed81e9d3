/** What a file is, by its name: picks the editor's language and language service. */
export type FileLanguage = "dockerfile" | "compose" | "yaml" | "shell" | "plaintext";

const composeNames = new Set(["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]);

/** The language of the file at `path` (only its last name counts). */
export function fileLanguage(path: string): FileLanguage {
  const name = path.split("/").pop() ?? path;
  const lower = name.toLowerCase();
  // Compose also reads override files (compose.override.yaml) the same way.
  if (composeNames.has(lower) || /^(docker-)?compose\.[\w.-]+\.ya?ml$/.test(lower)) return "compose";
  if (name === "Dockerfile" || name.startsWith("Dockerfile.") || lower.endsWith(".dockerfile") || lower === "containerfile") return "dockerfile";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  if (lower.endsWith(".sh") || lower === ".profile" || lower === ".bashrc") return "shell";
  return "plaintext";
}

/** The Monaco language id that highlights it. */
export function monacoLanguage(language: FileLanguage): string {
  return language === "compose" ? "yaml" : language;
}
