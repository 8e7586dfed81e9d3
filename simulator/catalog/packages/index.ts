/** The package catalogs (apt, apk, PyPI) and the command names their program models answer to. */
import { APK_PACKAGES } from "./alpine.ts";
import { DEB_PACKAGES } from "./debian.ts";

const base = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** Every command an installed package runs as a program model (python3, pip, git, apk, ...). */
export const commandNames: ReadonlySet<string> = (() => {
  const names = new Set(["apt-get", "apt", "apk"]);
  for (const pkg of [...Object.values(DEB_PACKAGES), ...Object.values(APK_PACKAGES)]) {
    const modelled = Object.entries(pkg.executables ?? {}).filter(([, model]) => model);
    for (const [path] of modelled) names.add(base(path));
    // Links to a modelled executable (/usr/bin/python3 -> python3.12, /usr/bin/vi -> vim.basic).
    if (modelled.length > 0 || /python/.test(Object.keys(pkg.symlinks ?? {}).join(" "))) for (const link of Object.keys(pkg.symlinks ?? {})) names.add(base(link));
  }
  for (const minor of ["3.5", "3.6", "3.8", "3.10", "3.11", "3.12", "3.13"]) for (const n of [`python${minor}`, `pip${minor}`]) names.add(n);
  for (const n of ["python", "python2", "python3", "pip", "pip2", "pip3"]) names.add(n);
  names.delete("python3.x");
  return names;
})();

export { APK_PACKAGES, DEB_PACKAGES };
