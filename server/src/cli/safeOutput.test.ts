import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { test } from 'node:test';
import { parseCliArguments } from './arguments';
import { runExport } from './export';
import { runImport } from './import';
import { outputPath, StagedOutput, UnsafeOutputError, type Writer } from './safeOutput';

const root = join(__dirname, '../../..');
const corpus = join(root, 'corpus');
const tempFolder = () => mkdtempSync(join(tmpdir(), 'corpus-lens-out-'));
/** Every file under a folder, relative, sorted. */
const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split(sep).join('/')).sort();

/** A writer that writes half of the third file, then fails, as a full disk would. */
function failingWriter(): Writer {
  let calls = 0;
  return async (path, text) => {
    if (++calls === 3) {
      writeFileSync(path, text.slice(0, text.length >> 1));
      throw new Error('ENOSPC: no space left on device (injected)');
    }
    writeFileSync(path, text, { flag: 'wx' });
  };
}

test('outputPath refuses names that leave the folder, absolute names and NULs', () => {
  const folder = tempFolder();
  try {
    for (const name of ['../x.ann', '..', 'sub/../../x.ann', '/etc/x.ann', `${folder}/x.ann`, 'a\0b.ann', '', 'C:\\x.ann', '\\\\server\\x.ann']) {
      assert.throws(() => outputPath(folder, name), UnsafeOutputError, JSON.stringify(name));
    }
    assert.equal(outputPath(folder, 'a.ann'), join(folder, 'a.ann'));
    assert.equal(outputPath(folder, 'sub/a..b.ann'), join(folder, 'sub', 'a..b.ann'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a write failing half-way leaves neither the files written before it nor temporary files', async () => {
  const folder = tempFolder();
  try {
    writeFileSync(join(folder, 'kept.txt'), 'before');
    await assert.rejects(
      StagedOutput.run(folder, async (out) => {
        for (const name of ['a.txt', 'a.ann', 'b.txt', 'b.ann']) await out.write(name, `text of ${name}`);
      }, failingWriter()),
      /injected/,
    );
    assert.deepEqual(listing(folder), ['kept.txt']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('export with a failing writer leaves the output folder as it was and fails', async () => {
  const out = tempFolder();
  try {
    writeFileSync(join(out, 'annotation.conf'), 'the folder\'s own');
    const args = parseCliArguments(['export', '--format', 'brat', '--out', out, corpus]);
    await assert.rejects(runExport(args, failingWriter()), /injected/);
    assert.deepEqual(listing(out), ['annotation.conf']);
    assert.equal(readFileSync(join(out, 'annotation.conf'), 'utf8'), 'the folder\'s own');
    // The same export without the fault writes every pair.
    assert.equal(await runExport(args), 0);
    assert.equal(listing(out).filter((f) => f.endsWith('.ann')).length, 5);
    assert.deepEqual(listing(out).filter((f) => f.includes('corpus-lens-tmp')), []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('export refuses a target that is a folder and writes nothing (the CLI exits 1 with one clear line)', () => {
  const out = tempFolder();
  try {
    mkdirSync(join(out, '002_1cd903209d84dacb.ann'));
    const result = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'export', '--format', 'brat', '--out', out, corpus], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /002_1cd903209d84dacb\.ann is a folder; nothing was written/);
    assert.deepEqual(listing(out), ['002_1cd903209d84dacb.ann']);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('import with a failing writer rewrites no article in place', async () => {
  const project = tempFolder();
  try {
    const out = join(project, 'brat');
    assert.equal(await runExport(parseCliArguments(['export', '--format', 'brat', '--out', out, corpus])), 0);
    const before = new Map(listing(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    await assert.rejects(runImport(parseCliArguments(['import', '--format', 'brat', out]), failingWriter()), /injected/);
    assert.deepEqual(new Map(listing(out).map((f) => [f, readFileSync(join(out, f), 'utf8')])), before);
    // Into a separate folder: every article, and nothing outside it.
    const imported = join(project, 'imported');
    assert.equal(await runImport(parseCliArguments(['import', '--format', 'brat', out, '--out', imported])), 0);
    assert.equal(listing(imported).length, 5);
    assert.deepEqual(listing(project).filter((f) => !f.startsWith('brat/') && !f.startsWith('imported/') && f !== 'brat' && f !== 'imported'), []);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
