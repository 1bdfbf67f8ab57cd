// The chiso extension: starts `chiso-lsp` over stdio for .chiso files. Every feature comes
// from the server; this file finds it (src/server.ts), launches it, and says clearly what to
// do when it cannot.
import * as os from "os";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { findServer, INSTALL_COMMAND } from "./server";

let client: LanguageClient | undefined;

async function explain(message: string): Promise<void> {
  const settings = "Open Settings";
  const copy = "Copy Install Command";
  const choice = await vscode.window.showErrorMessage(message, settings, copy);
  if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "chiso.server.path");
  } else if (choice === copy) {
    await vscode.env.clipboard.writeText(INSTALL_COMMAND);
  }
}

async function start(): Promise<void> {
  const configured = vscode.workspace.getConfiguration("chiso").get<string>("server.path", "");
  const found = findServer(configured, process.env, process.platform, os.homedir());
  if (!found.ok) {
    await explain(found.message);
    return;
  }
  const serverOptions: ServerOptions = {
    run: { command: found.command, transport: TransportKind.stdio },
    debug: { command: found.command, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "chiso" }],
  };
  client = new LanguageClient("chiso", "chiso", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    client = undefined;
    await explain(`chiso: the language server ${found.command} did not start: ${e}`);
  }
}

async function stop(): Promise<void> {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new server path takes effect at once.
      if (event.affectsConfiguration("chiso.server.path")) {
        await stop();
        await start();
      }
    }),
    { dispose: () => void stop() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
