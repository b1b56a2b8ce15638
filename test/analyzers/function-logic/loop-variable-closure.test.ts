import { loopVariableClosure } from '../../../analyzers/function-logic/loop-variable-closure.js';
import { ruleTester } from '../../helpers/rule-tester.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';

/** A test file as a review of a repository sees it. */
const TEST_CODE = { ...STRICT_CONVENTIONS, testCode: true };

ruleTester(loopVariableClosure, {
  flagged: [
    { code: 'handlers = []\nfor name in ("open", "save"):\n    handlers.append(lambda: run(name))\n', lines: [3], message: 'reads `name`' },
    { code: 'for i in range(3):\n    callbacks[i] = lambda: i\n', lines: [2] },
    {
      code: 'def f(self, items):\n    for item in items:\n        key = item.key\n        self.actions.add(lambda: self.run(key))\n',
      lines: [4],
      message: '`key`',
    },
    { code: 'for b in buttons:\n    tk.Button(root, text=b, command=lambda: press(b))\n', lines: [2] },
    { code: 'for i in range(3):\n    def show():\n        print(i)\n    funcs.append(show)\n', lines: [3], message: 'This function' },
    { code: 'for name in names:\n    setattr(cls, name, property(lambda self: self._data[name]))\n', lines: [2] },
    { code: 'fns = [lambda: i for i in range(3)]\n', lines: [1] },
    { code: 'for n in names:\n    f = lambda: n\n    registry.register(f)\n', lines: [2] },
    { code: 'for path in paths:\n    @app.route(path)\n    def view():\n        return render(path)\n', lines: [4] },
  ],
  clean: [
    // Bound when made.
    { code: 'for name in names:\n    handlers.append(lambda name=name: run(name))\n' },
    { code: 'for name in names:\n    handlers.append(functools.partial(run, name))\n' },
    // Called before the loop moves on.
    { code: 'for i in range(3):\n    result = sorted(items, key=lambda x: x[i])\n' },
    { code: 'for i in range(3):\n    total += sum(map(lambda x: x * i, xs))\n' },
    { code: 'for i in range(3):\n    f = lambda: i\n    print(f())\n' },
    { code: 'for i in range(3):\n    def show():\n        print(i)\n    show()\n' },
    // The closure reads nothing the loop changes.
    { code: 'for i in range(3):\n    handlers.append(lambda: run(config))\n' },
    { code: 'for i in range(3):\n    handlers.append(lambda x: x + 1)\n' },
    // The loop ends right after: the variable changes no more.
    { code: 'for item in items:\n    if item.ready:\n        handlers.append(lambda: use(item))\n        break\n' },
    { code: 'def f(items):\n    for item in items:\n        return lambda: use(item)\n' },
    // A task or thread waited for in the same pass (multiprocessing's test_unpickleable_result).
    {
      code: 'for i in range(20):\n    scratchpad = [None]\n    def errback(exc):\n        scratchpad[0] = exc\n    res = pool.apply_async(f, error_callback=errback)\n    res.get()\n',
    },
    { code: 'for url in urls:\n    t = threading.Thread(target=lambda: fetch(url))\n    t.start()\n    t.join()\n' },
    // Tests set a method and call it in the same pass (test_decimal).
    {
      code: 'for sym, lop in ops:\n    setattr(E, lop, lambda self, other: "str" + lop)\n    assert eval("E()" + sym + "1") == "str" + lop\n',
      path: 'tests/test_decimal.py',
      conventions: TEST_CODE,
    },
    // A generator hands each closure out before the next pass.
    { code: 'gen = (lambda: i for i in range(3))\n' },
  ],
});
