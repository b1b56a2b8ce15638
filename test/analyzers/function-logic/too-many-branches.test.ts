import { tooManyBranches } from '../../../analyzers/function-logic/too-many-branches.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

function branches(code: string): number[] {
  return runRule(tooManyBranches, code, 'm.py', { maxBranches: 0 }).map((f) => Number(/branches: (\d+)/.exec(f.message)![1]));
}

const elifs = (n: number): string =>
  `def f(x):\n    if x == 0:\n        return 0\n${Array.from({ length: n }, (_, i) => `    elif x == ${i + 1}:\n        return ${i}\n`).join('')}    else:\n        return -1\n`;

ruleTester(tooManyBranches, {
  flagged: [{ code: elifs(11), lines: [1], message: 'has too many branches: 13 (limit 12)' }],
  clean: [{ code: elifs(10) }, { code: elifs(11), options: { maxBranches: 13 } }],
});

describe('counts as Ruff PLR0912 does', () => {
  test.each([
    ['if/else with a nested if/else', 'def f():\n    if x:\n        pass\n    else:\n        if y:\n            pass\n        else:\n            pass\n', [4]],
    ['match cases', 'def f():\n    match x:\n        case 0:\n            pass\n        case 1:\n            pass\n', [2]],
    ['for-else', 'def f():\n    for _ in x:\n        pass\n    else:\n        pass\n', [2]],
    [
      'try/except/except/else/finally',
      'def f():\n    try:\n        pass\n    except:\n        pass\n    except:\n        pass\n    else:\n        pass\n    finally:\n        pass\n',
      [4],
    ],
    ['with is not a branch, its body is', 'def f():\n    with a:\n        if x:\n            return\n        else:\n            return\n', [2]],
    ['a nested def keeps its branches', 'def f():\n    if x:\n        pass\n    def g():\n        if y:\n            pass\n', [1, 1]],
  ])('%s', (_name, code, expected) => {
    expect(branches(code as string)).toEqual(expected);
  });
});
