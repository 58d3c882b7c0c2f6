/** Buffered stdout writing that copes with a closed pipe (`vpcdiag parse big.log | head`). */
export class Output {
  private buf: string[] = [];
  private size = 0;
  closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') this.closed = true;
      else throw err;
    });
  }

  line(s: string): void {
    if (this.closed) return;
    this.buf.push(s);
    this.size += s.length + 1;
    if (this.size > 1 << 16) this.flushSync();
  }

  private flushSync(): void {
    if (this.buf.length === 0) return;
    this.stream.write(`${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }

  /** Writes what is buffered and waits until the stream has taken it. */
  async flush(): Promise<void> {
    if (this.closed) return;
    const text = this.buf.length ? `${this.buf.join('\n')}\n` : '';
    this.buf = [];
    this.size = 0;
    await new Promise<void>((resolve) => {
      if (text === '' || this.stream.write(text)) resolve();
      else this.stream.once('drain', () => resolve());
    });
  }
}
