import { mutableDefaultArgument } from '../../../analyzers/signatures/mutable-default-argument.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(mutableDefaultArgument, {
  flagged: [
    { code: 'def add_tag(tag, tags=[]):\n    pass', lines: [1], message: '`tags`' },
    { code: 'def f(a={}, b={1}, c=set(), d=list(), e=dict(x=1)):\n    pass', lines: [1, 1, 1, 1, 1] },
    { code: 'def f(a=[x for x in y], b={k: v for k, v in y}, c={x for x in y}):\n    pass', lines: [1, 1, 1] },
    {
      code: 'import collections\nfrom collections import defaultdict as dd\ndef f(a=collections.OrderedDict(), b=dd(list), c=collections.deque()):\n    pass',
      lines: [3, 3, 3],
    },
    { code: 'def f(*, tags=[]):\n    pass', lines: [1] },
    { code: 'def f(a: list = [], b: "Sequence" = []):\n    pass', lines: [1, 1] },
    { code: 'class A:\n    def m(self, cache={}):\n        pass', lines: [2] },
  ],
  clean: [
    { code: 'def f(a=None, b=(), c=frozenset(), d=0, e="x"):\n    pass' },
    { code: 'from typing import Sequence, Optional, Mapping\ndef f(a: Sequence[int] = [], b: Optional[Sequence[int]] = [], c: Mapping = {}):\n    pass' },
    { code: 'import typing as t\ndef f(a: t.Sequence = [], b: tuple = [], c: "int | None" = None):\n    pass' },
    { code: 'def f(a=bytearray(), b=[1] * 3, c=list):\n    pass' },
    { code: 'f = lambda x=[]: x' },
    { code: 'def list():\n    pass\ndef f(a=list()):\n    pass' },
  ],
});
