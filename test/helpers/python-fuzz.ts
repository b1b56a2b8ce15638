import fc from 'fast-check';

/** Generators of broken and odd Python for property tests of the engine (test/engine/). */

/** Pieces of Python that make parsers and scope builders work hard when dropped anywhere. */
export const TOKENS = [
  'def ',
  'class ',
  'lambda',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  '=',
  ':=',
  '*',
  '**',
  '@',
  '.',
  '\\',
  '\n',
  '    ',
  '\t',
  '"""',
  "'",
  '"',
  'f"{',
  '}"',
  '#',
  '# noqa',
  '# nosec',
  'import ',
  'from ',
  ' as ',
  'global x',
  'nonlocal y',
  'async ',
  'await ',
  'yield',
  'match x:\n case ',
  'try:\n',
  'except',
  'if ',
  'else:',
  'for _ in ',
  'with ',
  '\r\n',
  '\u00e9',
  '\u{1F600}',
  '\ud800',
  '\u0000',
  '\ufeff',
];
export const token = fc.constantFrom(...TOKENS);

export type Mutation = { at: number; kind: 'delete' | 'insert' | 'duplicate' | 'swap-lines'; len: number; text: string };
export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'swap-lines'),
  len: fc.integer({ min: 1, max: 200 }),
  text: fc.string({ unit: fc.oneof(token, fc.string({ unit: 'binary', maxLength: 3 })), maxLength: 8 }),
});

export function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = s.length ? m.at % s.length : 0;
    switch (m.kind) {
      case 'delete':
        s = s.slice(0, at) + s.slice(at + m.len);
        break;
      case 'insert':
        s = s.slice(0, at) + m.text + s.slice(at);
        break;
      case 'duplicate':
        s = s.slice(0, at) + s.slice(at, at + m.len) + s.slice(at);
        break;
      case 'swap-lines': {
        const lines = s.split('\n');
        const i = at % lines.length;
        const j = (at + m.len) % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        s = lines.join('\n');
      }
    }
  }
  return s;
}
