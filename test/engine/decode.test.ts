import { decodePython } from '../../src/engine/decode.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodePython: PEP 263 coding lines', () => {
  test.each([
    ['latin-1 cookie on line 1', bytes('# -*- coding: latin-1 -*-\nname = "Andr', [0xe9], '"\n'), 'name = "André"'],
    ['iso-8859-1 cookie on line 2, after a shebang', bytes('#!/usr/bin/env python\n# coding=iso-8859-1\nx = "', [0xb5], '"\n'), 'x = "µ"'],
    ['cp1252 cookie in a vim modeline', bytes('# vim: set fileencoding=cp1252 :\nx = "', [0xe9], '"\n'), 'x = "é"'],
    ['koi8-r cookie', bytes('# -*- coding: koi8-r -*-\nx = "', [0xc1], '"\n'), 'x = "а"'],
    ['utf-8 cookie, valid UTF-8', bytes('# coding: utf-8\nx = "', [0xc3, 0xa9], '"\n'), 'x = "é"'],
    ['no cookie, valid UTF-8 with a BOM', bytes([0xef, 0xbb, 0xbf], 'x = 1\n'), 'x = 1'],
  ])('%s is decoded', (_name, input, expected) => {
    const decoded = decodePython(input);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.source).toContain(expected);
  });

  test.each([
    ['a cookie on line 3 is not one', bytes('x = 1\ny = 2\n# coding: latin-1\nz = "', [0xe9], '"\n'), 'skipped: not valid UTF-8 and no PEP 263 coding line'],
    [
      'a cookie on line 2 after code is not one',
      bytes('x = 1\n# coding: latin-1\nz = "', [0xe9], '"\n'),
      'skipped: not valid UTF-8 and no PEP 263 coding line',
    ],
    ['a utf-8 cookie over bytes that are not', bytes('# coding: utf-8\nz = "', [0xe9], '"\n'), 'skipped: not valid utf-8'],
    ['an encoding nobody knows', bytes('# coding: klingon\nx = 1\n'), 'skipped: unknown source encoding `klingon` (PEP 263 coding line)'],
  ])('%s', (_name, input, reason) => {
    expect(decodePython(input)).toEqual({ ok: false, reason });
  });
});
