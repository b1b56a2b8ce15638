/** Turning a file's bytes into Python source, or a reason to skip it; shared by the CLI and the app. */
export type Decoded = { ok: true; source: string } | { ok: false; reason: string };

export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** PEP 263: `# -*- coding: latin-1 -*-` on the first or second line names the file's encoding. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

export function decodePython(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `skipped: ${formatBytes(bytes.length)} is over the ${formatBytes(maxBytes)} limit (max_file_bytes)` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = hasBom ? undefined : codingOf(bytes);
  let source: string;
  try {
    source = declared && !isUtf8(declared) ? decodeAs(declared, bytes) : utf8.decode(bytes);
  } catch (error) {
    if (error instanceof UnknownEncoding) return { ok: false, reason: `skipped: unknown source encoding \`${declared}\` (PEP 263 coding line)` };
    return { ok: false, reason: declared ? `skipped: not valid ${declared}` : 'skipped: not valid UTF-8 and no PEP 263 coding line' };
  }
  // A BOM is legal in Python source but not part of the code.
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  return { ok: true, source };
}

/** The encoding a coding line declares on line 1 or 2, read as ASCII (as Python's tokenizer does). */
function codingOf(bytes: Uint8Array): string | undefined {
  let start = 0;
  for (let line = 0; line < 2 && start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const text = String.fromCharCode(...bytes.subarray(start, Math.min(end, start + 200)));
    const m = CODING.exec(text);
    if (m) return m[1]!.toLowerCase().replace(/_/g, '-');
    // Python looks at line 2 only when line 1 is a comment or blank.
    if (!/^[ \t\f]*(#.*)?\r?$/.test(text)) return undefined;
    start = end + 1;
  }
  return undefined;
}

function isUtf8(name: string): boolean {
  return name === 'utf-8' || name === 'utf8' || name.startsWith('utf-8-') || name === 'utf-8-sig';
}

class UnknownEncoding extends Error {}

const LATIN_1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso-ir-100', 'cp819']);

function decodeAs(name: string, bytes: Uint8Array): string {
  // WHATWG decoders read "latin-1" as windows-1252; Python's latin-1 maps each byte to the same code point.
  if (LATIN_1.has(name)) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return out;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch {
    throw new UnknownEncoding(name);
  }
  return decoder.decode(bytes);
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)} kB`;
  return `${n} B`;
}
