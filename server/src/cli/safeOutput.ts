// Writing the files of an export or import safely: every name must stay inside the chosen folder, and nothing is
// put in place until every file has been written, so a failure half-way leaves no output that looks complete.
import { promises as fs } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class UnsafeOutputError extends Error {}

/** The path of `name` inside `folder`; refuses names that are empty, absolute, hold a NUL or lead outside. */
export function outputPath(folder: string, name: string): string {
  if (!name || name.includes('\0')) throw new UnsafeOutputError(`refusing the file name ${JSON.stringify(name)}: empty or holds a NUL`);
  if (isAbsolute(name) || /^[a-zA-Z]:|^[\\/]/.test(name)) throw new UnsafeOutputError(`refusing the absolute file name ${JSON.stringify(name)}: outputs stay in ${folder}`);
  const root = resolve(folder);
  const target = resolve(root, name);
  const r = relative(root, target);
  if (r === '' || r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r)) {
    throw new UnsafeOutputError(`refusing the file name ${JSON.stringify(name)}: it leads outside ${folder}`);
  }
  return target;
}

export type Writer = (path: string, text: string) => Promise<void>;

const defaultWriter: Writer = (path, text) => fs.writeFile(path, text, { encoding: 'utf8', flag: 'wx' });

let counter = 0;

/**
 * Files written under temporary names beside their targets (same folder, so the rename is atomic), renamed into
 * place by `commit`, removed by `abort`.
 */
export class StagedOutput {
  private readonly staged: Array<{ temporary: string; target: string }> = [];

  constructor(
    readonly folder: string,
    private readonly writer: Writer = defaultWriter,
  ) {}

  /** Writes `text` for `name` (relative to the folder) under a temporary name. */
  async write(name: string, text: string): Promise<string> {
    const target = outputPath(this.folder, name);
    await fs.mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${basename(target)}.corpus-lens-tmp-${process.pid}-${++counter}`);
    // Recorded first: a write that fails half-way leaves a temporary file that abort() must remove.
    this.staged.push({ temporary, target });
    await this.writer(temporary, text);
    return target;
  }

  /** Renames every staged file into place, after checking that none of the targets is a folder. */
  async commit(): Promise<void> {
    for (const { target } of this.staged) {
      const stat = await fs.lstat(target).catch(() => undefined);
      if (stat?.isDirectory()) throw new UnsafeOutputError(`${target} is a folder; nothing was written`);
    }
    for (const { temporary, target } of this.staged) await fs.rename(temporary, target);
    this.staged.length = 0;
  }

  /** Removes whatever was staged and not committed. */
  async abort(): Promise<void> {
    await Promise.all(this.staged.map(({ temporary }) => fs.rm(temporary, { force: true })));
    this.staged.length = 0;
  }

  /** Runs `work`, then commits; on any failure removes the staged files and rethrows. */
  static async run<T>(folder: string, work: (output: StagedOutput) => Promise<T>, writer?: Writer): Promise<T> {
    const output = new StagedOutput(folder, writer);
    try {
      const result = await work(output);
      await output.commit();
      return result;
    } catch (error) {
      await output.abort();
      throw error;
    }
  }
}
