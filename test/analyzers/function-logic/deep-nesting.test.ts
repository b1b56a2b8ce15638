import { deepNesting } from '../../../analyzers/function-logic/deep-nesting.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(deepNesting, {
  flagged: [
    {
      code: `
        def sync(users):
            for user in users:
                if user.active:
                    for order in user.orders:
                        if order.open:
                            with lock:
                                order.close()
      `,
      lines: [6],
      message: '`sync` nests blocks 5 deep (limit 4)',
    },
    { code: 'def f():\n    if a:\n        if b:\n            pass\n', lines: [3], options: { maxDepth: 1 } },
    {
      code: 'def f():\n    try:\n        while a:\n            match b:\n                case 1:\n                    if c:\n                        with d:\n                            pass\n',
      lines: [7],
    },
  ],
  clean: [
    { code: 'def f():\n    for a in b:\n        if a:\n            for c in a:\n                if c:\n                    print(c)\n' },
    // elif chains are not nesting.
    {
      code: 'def f(x):\n    if x == 1:\n        pass\n    elif x == 2:\n        pass\n    elif x == 3:\n        if a:\n            if b:\n                if c:\n                    pass\n',
    },
    // A nested function starts counting again.
    {
      code: 'def f():\n    if a:\n        if b:\n            def g():\n                if c:\n                    if d:\n                        if e:\n                            pass\n',
    },
    // Module-level code is not a function.
    { code: 'if a:\n    if b:\n        if c:\n            if d:\n                if e:\n                    pass\n' },
  ],
});
