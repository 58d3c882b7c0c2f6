/** A progress bar on stderr for long files; silent unless stderr is a terminal. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly total: number | undefined,
    private readonly enabled: boolean,
  ) {}

  update(bytes: number, lines: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 150 || now - this.started < 400) return;
    this.last = now;
    this.shown = true;
    const secs = (now - this.started) / 1000;
    const rate = `${(lines / secs / 1e6).toFixed(2)} M lines/s`;
    const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
    let text: string;
    if (this.total) {
      const frac = Math.min(1, bytes / this.total);
      const width = 24;
      const full = Math.round(frac * width);
      text = `[${'#'.repeat(full)}${' '.repeat(width - full)}] ${(frac * 100).toFixed(0).padStart(3)}% ${mb(bytes)}/${mb(this.total)} ${rate}`;
    } else {
      text = `${mb(bytes)} read, ${lines.toLocaleString('en-US')} lines, ${rate}`;
    }
    process.stderr.write(`\r${text}\x1b[K`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
