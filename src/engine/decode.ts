/** Turning a file's bytes into Python source, or a reason to skip it; shared by the CLI and the app. */
export type Decoded = { ok: true; source: string } | { ok: false; reason: string };

export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodePython(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_FILE_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `skipped: ${formatBytes(bytes.length)} is over the ${formatBytes(maxBytes)} limit (max_file_bytes)` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'skipped: binary file (contains NUL bytes)' };
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'skipped: not valid UTF-8' };
  }
  // A BOM is legal in Python source but not part of the code.
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  return { ok: true, source };
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)} kB`;
  return `${n} B`;
}
