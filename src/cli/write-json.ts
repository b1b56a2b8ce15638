import type { JsonReport } from '../review/render/json.js';

export interface OutStream {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes the JSON report a piece at a time, one finding per line: JSON.stringify of 150 000
 * findings (the CPython standard library) builds a 90 MB string and doubled the CLI's peak RSS.
 */
export async function writeJson(report: JsonReport, out: OutStream, batch = 2000): Promise<void> {
  await put(out, `{\n  "version": ${report.version},\n  "files": ${JSON.stringify(report.files)},\n  "findings": [`);
  const { findings } = report;
  for (let i = 0; i < findings.length; i += batch) {
    const lines = findings.slice(i, i + batch).map((f, j) => `${i + j ? ',' : ''}\n    ${JSON.stringify(f)}`);
    await put(out, lines.join(''));
  }
  const summary = JSON.stringify(report.summary, null, 2).replace(/\n/g, '\n  ');
  await put(out, `${findings.length ? '\n  ' : ''}],\n  "summary": ${summary}\n}\n`);
}

/** Honours back-pressure on a pipe, so a slow reader does not make us buffer the whole report. */
async function put(out: OutStream, text: string): Promise<void> {
  if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
}
