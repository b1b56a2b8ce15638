import { jumpInFinally } from '../../../analyzers/function-logic/jump-in-finally.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(jumpInFinally, {
  flagged: [
    { code: 'def f():\n    try:\n        save()\n    finally:\n        return 1\n', lines: [5], message: '`return` inside `finally` discards' },
    { code: 'for x in y:\n    try:\n        pass\n    finally:\n        if a:\n            break\n        elif b:\n            continue\n', lines: [6, 8] },
    // Inside a loop within the finally, only return leaves it.
    { code: 'def f():\n    try:\n        pass\n    finally:\n        while c:\n            break\n            return 3\n', lines: [7] },
    { code: 'def f():\n    try:\n        pass\n    finally:\n        with lock:\n            return 1\n', lines: [6] },
  ],
  clean: [
    { code: 'def f():\n    try:\n        return save()\n    finally:\n        close()\n' },
    { code: 'def f():\n    try:\n        pass\n    finally:\n        for x in y:\n            if x:\n                break\n            continue\n' },
    { code: 'def f():\n    try:\n        pass\n    finally:\n        def g():\n            return 1\n' },
    { code: 'def f():\n    try:\n        pass\n    except E:\n        return 1\n' },
  ],
});
