import { lineStartsOf } from '../../../src/engine/parse.js';
import { indentLevel, scanLogicalLines } from '../../../analyzers/indentation/logical-lines.js';

function scan(source: string): ReturnType<typeof scanLogicalLines> {
  return scanLogicalLines(source, lineStartsOf(source));
}

const starts = (source: string): number[] => scan(source).logical.map((l) => l.line);

describe('logical lines', () => {
  test('a statement inside brackets is one logical line, its comment lines included', () => {
    expect(starts('x = f(\n    1,\n  # note\n      2)\ny = 3\n')).toEqual([1, 5]);
  });

  test('backslash continuations join lines', () => {
    expect(starts('x = 1 + \\\n        2\ny = 3\n')).toEqual([1, 3]);
  });

  test('lines inside triple-quoted strings are neither logical lines nor judged', () => {
    const facts = scan('def f():\n    """Doc\n  odd\n\tindent\n    """\n    return 1\n');
    expect(facts.logical.map((l) => l.line)).toEqual([1, 2, 6]);
    expect(facts.inString.slice(1, 7)).toEqual([false, false, true, true, true, false]);
  });

  test('brackets and quotes inside strings and comments do not count', () => {
    expect(starts("x = \"([\"  # ( [\ny = '''\n)'''\nz = 1\n")).toEqual([1, 2, 4]);
  });

  test('f-strings with nested quotes, braces and format specs', () => {
    expect(starts('x = f"{d["k"]:>{w}} {{literal}} {f\'{y}\'}"\ny = rf"\\{x}"\nz = 1\n')).toEqual([1, 2, 3]);
  });

  test('a multi-line f-string replacement field stays in its logical line', () => {
    expect(starts('x = f"""{\n  a +\n b}"""\ny = 2\n')).toEqual([1, 4]);
  });

  test('string prefixes are recognised, names that merely end in a letter are not', () => {
    expect(starts('br = 1\nx = br"\\x00" + Rb"("\ny = 3\n')).toEqual([1, 2, 3]);
  });

  test('comment-only lines are logical lines of their own; blank lines are not', () => {
    const facts = scan('x = 1\n\n    # c\n\ny = 2\n');
    expect(facts.logical.map((l) => [l.line, l.commentOnly])).toEqual([
      [1, false],
      [3, true],
      [5, false],
    ]);
  });

  test('a line ending in a colon (before a comment) expects a block', () => {
    const facts = scan('if x:  # why\n    pass\nd = {1:\n 2}\n');
    expect(facts.logical.map((l) => l.endsWithColon)).toEqual([true, false, false]);
  });

  test('CRLF line endings', () => {
    expect(starts('if x:\r\n    y = (1,\r\n 2)\r\nz = 1\r\n')).toEqual([1, 2, 4]);
  });

  test('tabs expand to the next multiple of 4, as in Ruff', () => {
    expect(indentLevel('\t')).toBe(4);
    expect(indentLevel('  \t')).toBe(4);
    expect(indentLevel('\t  ')).toBe(6);
    expect(indentLevel('        ')).toBe(8);
  });
});
