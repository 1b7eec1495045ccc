// How indexing grows with corpus size: one fresh bench process per size, then a table and the scaling exponent.
// Each size runs the cold index, the diagnostics wait and the server-memory measurement in a server of its own.
import { spawn } from 'node:child_process';
import { round } from './stats';

export interface ScalingRow {
  articles: number;
  mb: number | null;
  indexSeconds: number | null;
  mbPerSecond: number | null;
  peakRssMB: number | null;
  failures: number;
  notes: string | null;
}

/** Least-squares slope of log(seconds) against log(articles): 1 is linear, 2 quadratic. */
export function scalingExponent(rows: ReadonlyArray<{ articles: number; indexSeconds: number | null }>): number | null {
  const points = rows.filter((r) => r.indexSeconds !== null && r.indexSeconds > 0 && r.articles > 0).map((r) => [Math.log(r.articles), Math.log(r.indexSeconds!)] as const);
  if (points.length < 2) return null;
  const meanX = points.reduce((s, [x]) => s + x, 0) / points.length;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

function runOneSize(articles: number, seed: number, progress: (message: string) => void): Promise<ScalingRow> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--articles', String(articles), '--seed', String(seed), '--keep', '--json', '--only', 'server memory'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(last) as Record<string, unknown>;
      } catch {
        progress(`size ${articles}: the bench process printed no JSON line (exit ${code})`);
      }
      const number = (key: string) => (typeof parsed[key] === 'number' ? (parsed[key] as number) : null);
      resolve({
        articles,
        mb: number('mb'),
        indexSeconds: number('indexSeconds'),
        mbPerSecond: number('mbPerSecond'),
        peakRssMB: number('peakRssMB'),
        failures: typeof parsed.failures === 'number' ? parsed.failures : 1,
        notes: typeof parsed.notes === 'string' ? parsed.notes : code === 0 ? null : `exit ${code}`,
      });
    });
  });
}

export async function runScaling(sizes: number[], seed: number, json: boolean): Promise<number> {
  const progress = (message: string) => {
    if (!json) process.stderr.write(`[bench] ${message}\n`);
  };
  const rows: ScalingRow[] = [];
  for (const size of sizes) {
    progress(`scaling: ${size} articles…`);
    rows.push(await runOneSize(size, seed, progress));
  }
  const exponent = scalingExponent(rows);
  if (!json) {
    console.log('\nScaling (synthetic corpus, cold index in a fresh server per size)');
    console.log('  articles      MB   index s    MB/s   peak RSS MB');
    for (const r of rows) {
      const cell = (v: number | null, width: number, digits = 1) => (v === null ? 'n/a' : v.toFixed(digits)).padStart(width);
      console.log(`  ${String(r.articles).padStart(8)} ${cell(r.mb, 7)} ${cell(r.indexSeconds, 9)} ${cell(r.mbPerSecond, 7, 2)} ${cell(r.peakRssMB, 13, 0)}${r.failures ? `  FAILED: ${r.notes ?? ''}` : ''}`);
    }
    console.log(`  scaling exponent of index time: ${exponent === null ? 'n/a (fewer than two sizes measured)' : exponent.toFixed(3)}\n`);
  }
  const failures = rows.reduce((s, r) => s + (r.failures ? 1 : 0), 0);
  console.log(JSON.stringify({ scaling: rows, indexTimeExponent: round(exponent, 3), failures }));
  return failures ? 1 : 0;
}
