// Finding the `chiso-lsp` executable: the `chiso.server.path` setting (a full path, or a name
// looked up on PATH), else `chiso-lsp` on PATH, else Cargo's bin folder (`cargo install`
// puts it there, and VS Code started from a desktop menu often lacks it on PATH). No `vscode`
// import here, so that plain Node can test it.
import * as fs from "fs";
import * as path from "path";

/// The command that installs the server from a chiso checkout.
export const INSTALL_COMMAND = "cargo install --locked --path lsp";

export type Found = { ok: true; command: string } | { ok: false; message: string };

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== "win32") {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/// The candidate file names of `name` on this platform (Windows adds PATHEXT's extensions).
function namesOf(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform !== "win32" || path.extname(name) !== "") {
    return [name];
  }
  const exts = (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter((e) => e !== "");
  return [name, ...exts.map((e) => name + e.toLowerCase()), ...exts.map((e) => name + e)];
}

/// Finds the server. `configured` is the `chiso.server.path` setting (empty: not set).
export function findServer(
  configured: string | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): Found {
  const setting = (configured ?? "").trim();
  let name = setting === "" ? "chiso-lsp" : setting;
  if (name === "~" || name.startsWith("~/")) {
    name = path.join(home, name.slice(1));
  }
  const install =
    `Install it with \`${INSTALL_COMMAND}\` from a chiso checkout (or put the bin folder of a ` +
    "chiso release on PATH), or set `chiso.server.path` to the full path of chiso-lsp.";
  if (name.includes("/") || name.includes("\\")) {
    const found = namesOf(name, env, platform).find((n) => isExecutable(n, platform));
    if (found !== undefined) {
      return { ok: true, command: found };
    }
    return {
      ok: false,
      message: `chiso: the language server \`${name}\` (setting chiso.server.path) does not exist or cannot be run. ${install}`,
    };
  }
  const pathVar = env.PATH ?? env.Path ?? "";
  const folders = pathVar.split(path.delimiter).filter((d) => d !== "");
  const cargoHome = env.CARGO_HOME ?? path.join(home, ".cargo");
  folders.push(path.join(cargoHome, "bin"));
  for (const folder of folders) {
    for (const candidate of namesOf(name, env, platform)) {
      const file = path.join(folder, candidate);
      if (isExecutable(file, platform)) {
        return { ok: true, command: file };
      }
    }
  }
  return {
    ok: false,
    message: `chiso: cannot find the language server \`${name}\` on PATH or in ${path.join(cargoHome, "bin")}. ${install}`,
  };
}
