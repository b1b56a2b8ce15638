import { tooManyStatements } from '../../../analyzers/function-logic/too-many-statements.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

function statements(code: string): number[] {
  return runRule(tooManyStatements, code, 'm.py', { maxStatements: 0 }).map((f) => Number(/statements: (\d+)/.exec(f.message)![1]));
}

const body = (n: number): string => `def f():\n${Array.from({ length: n }, (_, i) => `    x${i} = ${i}\n`).join('')}    return 1\n`;

ruleTester(tooManyStatements, {
  flagged: [{ code: body(51), lines: [1], message: 'has too many statements: 51 (limit 50)' }],
  clean: [{ code: body(50) }, { code: body(51), options: { maxStatements: 60 } }],
});

describe('counts as Ruff PLR0915 does', () => {
  test.each([
    ['return is not counted', 'def f():\n    return\n', []],
    [
      'if/elif/else',
      'def f():\n    if a:\n        print()\n    elif a == 2:\n        print()\n    elif a == 3:\n        print()\n    else:\n        print()\n',
      [8],
    ],
    ['a for loop itself is not counted, a while is', 'def f():\n    for i in x:\n        pass\n    while y:\n        pass\n', [3]],
    [
      'nested def bodies count; nested class bodies do not',
      'def f():\n    def g():\n        print()\n        print()\n    class A:\n        x = 1\n        y = 2\n    print()\n',
      [5, 2],
    ],
    [
      'try/except/except/finally',
      'def f():\n    try:\n        print()\n    except:\n        pass\n    except:\n        pass\n    finally:\n        print()\n',
      [10],
    ],
    ['match: the statement and each case', 'def f():\n    match x:\n        case 1:\n            pass\n        case 2:\n            pass\n', [5]],
    ['with and async with', 'async def f():\n    with a:\n        pass\n    async with b:\n        pass\n', [4]],
  ])('%s', (_name, code, expected) => {
    expect(statements(code as string)).toEqual(expected);
  });
});
