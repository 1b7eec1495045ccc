// Shared by the code-server editor tests: prerequisites (fail loudly, or skip loudly on request),
// a headless Debian Chromium driven by playwright-core, bounded waits and screenshots.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_HINT,
  INSTALL_HINT,
  codeServerBinPath,
  findChromium,
  findCodeServer,
  projectRoot,
  removeDir,
} from '../../scripts/code-server.mjs';

export const resultsDir = join(projectRoot, 'test-results');
export const SKIP_ENV = 'CORPUS_LENS_SKIP_EDITORS';

export interface EditorTools {
  codeServer: string;
  chromium: string;
}

export function loudly(message: string): void {
  const bar = '!'.repeat(Math.min(100, message.length + 4));
  console.log(`\n${bar}\n! ${message}\n${bar}\n`);
}

/**
 * The code-server and Chromium binaries. Missing ones fail the test with install instructions,
 * unless CORPUS_LENS_SKIP_EDITORS=1, which turns that into a loud skip (never a pass).
 */
export function requireEditorTools(t: TestContext): EditorTools | undefined {
  const codeServer = findCodeServer();
  const chromiumPath = findChromium();
  const missing: string[] = [];
  if (!codeServer) missing.push(`code-server is not installed at ${codeServerBinPath()}. ${INSTALL_HINT}`);
  if (!chromiumPath) missing.push(`Chromium was not found on PATH. ${CHROMIUM_HINT}`);
  if (missing.length === 0) return { codeServer: codeServer!, chromium: chromiumPath! };
  if (process.env[SKIP_ENV] === '1') {
    const message = `SKIPPED (${SKIP_ENV}=1): ${missing.join(' ')}`;
    loudly(message);
    t.skip(message);
    return undefined;
  }
  throw new Error(`${missing.join('\n')}\n(Set ${SKIP_ENV}=1 to skip the real-editor tests instead.)`);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
    timeout: 30_000,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await withTimeout(context.close(), 10_000, 'closing Chromium').catch(() => {});
      removeDir(profile);
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function screenshot(page: Page | undefined, name: string): Promise<string | undefined> {
  if (!page || page.isClosed()) return undefined;
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, name);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/**
 * The last lines of the extension's output channel ("Corpus Lens" log, where the language server's
 * stderr lands), found under code-server's user-data logs. Shown when a test fails.
 */
export function extensionLogTail(userDataDir: string, lines = 40): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (dir.endsWith('corpus-lens.corpus-lens') && entry.name.endsWith('.log')) found.push(full);
    }
  };
  walk(join(userDataDir, 'logs'));
  if (found.length === 0) return '(no Corpus Lens output log found)';
  return found
    .map((file) => {
      const text = readFileSync(file, 'utf8').split('\n');
      return `${file}:\n${text.slice(-lines).map((line) => line.slice(0, 400)).join('\n')}`;
    })
    .join('\n');
}
