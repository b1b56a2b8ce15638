/** Writing a long report a piece at a time: a whole tree's findings never become one string. */
export interface OutStream {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** One JSON value per line, in batches, honouring back-pressure. */
export async function writeLines(items: readonly unknown[], out: OutStream, indent: string, batch = 2000): Promise<void> {
  for (let i = 0; i < items.length; i += batch) {
    const lines = items.slice(i, i + batch).map((item, j) => `${i + j ? ',' : ''}\n${indent}${JSON.stringify(item)}`);
    await put(out, lines.join(''));
  }
}

/** Honours back-pressure on a pipe, so a slow reader does not make us buffer the whole report. */
export async function put(out: OutStream, text: string): Promise<void> {
  if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}
