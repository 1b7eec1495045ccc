// A progress bar on stderr, drawn only when stderr is a terminal: piped or redirected output gets none of it.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export class Progress {
  private readonly enabled: boolean;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true && total > 0;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const t = this.now();
    if (this.drawn && t - this.lastDraw < REDRAW_MS && done < this.total) return;
    this.lastDraw = t;
    const fraction = Math.min(1, done / this.total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${this.total}`;
    this.stream.write(`\r${line.slice(0, Math.max(1, (this.stream.columns || 80) - 1))}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the bar, so what is printed next starts on a clean line. */
  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
