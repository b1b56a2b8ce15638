/** "[120/1830] path" on one rewritten stderr line, only for a terminal and only for long runs. */
export interface Progress {
  update(done: number, path: string): void;
  done(): void;
}

const MIN_FILES = 50;
const EVERY_MS = 100;

export function progressLine(stream: { isTTY?: boolean; columns?: number; write(text: string): unknown }, total: number): Progress {
  if (!stream.isTTY || total < MIN_FILES) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(done, path) {
      const now = Date.now();
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      shown = true;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const head = `[${done}/${total}] `;
      const room = Math.max(8, width - head.length);
      // The end of a path says more than its start.
      const tail = path.length > room ? `…${path.slice(path.length - room + 1)}` : path;
      stream.write(`\r\x1b[K${head}${tail}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
