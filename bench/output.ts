import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { stdlibRoot } from './corpus.js';

/**
 * `npm run bench:output [-- PATH]`: peak RSS and wall time of the whole CLI with each output
 * format on the same tree (the standard library by default), output thrown away. SARIF and JSON
 * are both streamed a finding per line, so their peaks should be within a few per cent.
 */
const root = process.argv[2] ?? stdlibRoot();
const cli = new URL('../src/cli.js', import.meta.url).pathname;
console.log(`bench:output — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; tree: ${root}`);
console.log('format     peak RSS   wall');
const peaks: Record<string, number> = {};
for (const format of ['json', 'sarif', 'markdown']) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, cli, 'review', '--format', format, root], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const [kb, seconds] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  peaks[format] = kb! / 1024;
  console.log(`${format.padEnd(9)} ${(kb! / 1024).toFixed(0).padStart(6)} MB ${seconds!.toFixed(1).padStart(6)} s`);
}
console.log(`SARIF peak ÷ JSON peak: ${(peaks.sarif! / peaks.json!).toFixed(2)}`);
