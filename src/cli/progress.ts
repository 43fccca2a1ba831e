/** A progress line on a terminal's stderr for long batches; silent when stderr is not a terminal. */
export interface Progress {
  tick(label: string): void;
  done(): void;
}

export function progress(enabled: boolean): Progress {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { tick: () => undefined, done: () => undefined };
  let n = 0;
  let last = 0;
  return {
    tick(label) {
      n++;
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 30);
      stream.write(`\r\x1b[K${n} documents  ${label.slice(-width)}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
