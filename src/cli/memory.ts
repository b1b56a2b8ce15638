import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * tree-sitter trees live in native memory that V8 does not count, so V8 sees no pressure to
 * collect the small JS objects that own them and RSS grows with every file. A full collection
 * every few files frees them. `global.gc` when node runs with --expose-gc; otherwise the flag is
 * switched on at run time and the function taken from a fresh context (a documented V8 idiom).
 */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // Without a collector the run still works; memory is then V8's business.
  }
  return () => {};
}
