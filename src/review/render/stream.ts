/** Writing a long report a piece at a time: a whole tree's findings never become one string. */
export interface OutStream {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** One JSON value per line, in batches, honouring back-pressure; `as` builds each value only when its batch is written. */
export async function writeLines<T>(
  items: readonly T[],
  out: OutStream,
  indent: string,
  as: (item: T) => unknown = (item) => item,
  batch = 2000,
): Promise<void> {
  for (let i = 0; i < items.length; i += batch) {
    const lines = items.slice(i, i + batch).map((item, j) => `${i + j ? ',' : ''}\n${indent}${JSON.stringify(as(item))}`);
    await put(out, lines.join(''));
  }
}

/** Honours back-pressure on a pipe, so a slow reader does not make us buffer the whole report. */
export async function put(out: OutStream, text: string): Promise<void> {
  if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}
