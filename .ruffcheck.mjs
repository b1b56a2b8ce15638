import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { readFileSync } from 'node:fs';
const [,, codes, ...files] = process.argv;
const ws = new Workspace({ lint: { select: codes.split(',') } }, PositionEncoding.Utf16);
for (const f of files) {
  const src = f === '-' ? readFileSync(0, 'utf8') : readFileSync(f, 'utf8');
  for (const d of ws.check(src)) console.log(`${f}:${d.start_location.row}: ${d.code} ${d.message}`);
}
