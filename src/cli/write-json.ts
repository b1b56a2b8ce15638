import type { JsonReport } from '../review/render/json.js';
import { put, writeLines, type OutStream } from '../review/render/stream.js';

export type { OutStream } from '../review/render/stream.js';

/** A placeholder value where a long array is streamed in. */
const HOLE = 'streamed';

/**
 * Writes the JSON report a piece at a time, one finding per line: JSON.stringify of 150 000
 * findings (the CPython standard library) builds a 90 MB string and doubled the CLI's peak RSS.
 */
export async function writeJson(report: JsonReport, out: OutStream): Promise<void> {
  const { findings } = report;
  // The findings go where the placeholder stands; a JSON string can never hold the raw `"findings": "` it is found by.
  const [before, after] = JSON.stringify({ ...report, findings: HOLE }, null, 2).split(`"findings": "${HOLE}"`) as [string, string];
  await put(out, `${before}"findings": [`);
  await writeLines(findings, out, '    ');
  await put(out, `${findings.length ? '\n  ' : ''}]${after}\n`);
}
