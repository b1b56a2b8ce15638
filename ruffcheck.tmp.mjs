import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { readFileSync } from 'node:fs';
const [codes, file, preview] = process.argv.slice(2);
const w = new Workspace({ lint: { preview: preview === 'preview', select: codes.split(',') } }, PositionEncoding.Utf16);
for (const d of w.check(readFileSync(file, 'utf8'))) console.log(d.start_location.row, d.code, d.message);
console.log('ruff', Workspace.version());
