// Types for scripts/code-server.mjs, so the TypeScript editor tests can import it under `strict`.
import type { ChildProcess } from 'node:child_process';

export const projectRoot: string;
export const CODE_SERVER_VERSION: string;
export const INSTALL_HINT: string;
export const CHROMIUM_HINT: string;
export const CHROMIUM_ARGS: string[];
export const CLEAN_USER_SETTINGS: Record<string, unknown>;

export interface IsolatedDirs {
  base: string;
  home: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  userData: string;
  extensions: string;
}

export interface CodeServerHandle {
  port: number;
  /** Workbench URL for the served folder. */
  url: string;
  process: ChildProcess;
  /** The last lines code-server printed. */
  output: string[];
  exited: Promise<unknown>;
  stop(): Promise<void>;
}

export interface StartOptions {
  bin: string;
  folder: string;
  dirs: IsolatedDirs;
  port?: number;
  env?: Record<string, string>;
  log?: (line: string) => void;
  timeoutMs?: number;
  /** Keep VS Code's Workspace Trust on (default off: `--disable-workspace-trust`). */
  workspaceTrust?: boolean;
}

export function toolsDir(): string;
export function codeServerBinPath(): string;
export function findCodeServer(): string | undefined;
export function ensureCodeServer(): string;
export function findChromium(): string | undefined;
export function freePort(): Promise<number>;
export function isolatedDirs(base?: string, extraSettings?: Record<string, unknown>): IsolatedDirs;
export function packageVsix(outFile?: string): string;
export function installExtension(bin: string, vsixFile: string, dirs: IsolatedDirs): string;
export function workbenchUrl(port: number, folder: string, payload?: Array<[string, string]>): string;
export function remoteUri(port: number, absolutePath: string): string;
export function startCodeServer(options: StartOptions): Promise<CodeServerHandle>;
export function removeDir(dir: string): void;
