import { nestedDecoratedFunction } from '../../../analyzers/function-logic/nested-decorated-function.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(nestedDecoratedFunction, {
  flagged: [
    // The sample review's item 8: a transaction-decorated helper nested in a method.
    {
      code: `
        class ConsumerType:
            def create(self):
                @db_api.placement_context_manager.writer
                def _create_in_db(ctx):
                    ctx.session.add(self)
                _create_in_db(self._context)
      `,
      lines: [4],
      message: '`_create_in_db` is decorated with `@db_api.placement_context_manager.writer` and defined inside `create()`',
    },
    {
      code: `
        def load(path):
            @contextlib.contextmanager
            def opened():
                f = open(path)
                yield f
            with opened() as f:
                return f.read()
      `,
      lines: [3],
    },
    {
      code: `
        async def fetch(url):
            @retry(times=3)
            async def once():
                return await get(url)
            return await once()
      `,
      lines: [3],
    },
  ],
  clean: [
    // A decorator's wrapper: functools.wraps.
    {
      code: `
        import functools
        def logged(func):
            @functools.wraps(func)
            def wrapper(*args, **kwargs):
                return func(*args, **kwargs)
            return wrapper
      `,
    },
    { code: 'from functools import wraps\ndef deco(f):\n    @wraps(f)\n    def inner(*a):\n        return f(*a)\n    return inner\n' },
    // A wrapper returned to the caller, decorated some other way.
    { code: 'def deco(f):\n    @trace\n    def inner(*a):\n        return f(*a)\n    inner(1)\n    return inner\n' },
    // Registered callbacks (an app factory) are not called where they are defined.
    {
      code: `
        def create_app():
            app = Flask(__name__)
            @app.route("/")
            def index():
                return "hi"
            return app
      `,
    },
    // A per-call memoised helper is scoped to the call on purpose.
    { code: 'def count(n):\n    @functools.lru_cache(None)\n    def go(k):\n        return 1 if k < 2 else go(k - 1) + go(k - 2)\n    return go(n)\n' },
    // Decorated methods of a class, and decorated functions at module level.
    { code: 'class A:\n    @property\n    def x(self):\n        return 1\n@cache\ndef f():\n    return 2\nf()\n' },
    // A class defined in a function: its methods belong to the class.
    { code: 'def make():\n    class Local:\n        @staticmethod\n        def build():\n            return 1\n    return Local.build()\n' },
    // Nested but not decorated.
    { code: 'def outer():\n    def helper():\n        return 1\n    return helper()\n' },
  ],
});

test('the finding names the helper as its subject', () => {
  const [f] = runRule(nestedDecoratedFunction, 'def run():\n    @tx\n    def step():\n        pass\n    step()\n');
  expect(f).toMatchObject({ subject: 'step', line: 3, confidence: 'medium', symbol: 'run' });
});
