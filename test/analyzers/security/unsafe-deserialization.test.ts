import { unsafeDeserialization } from '../../../analyzers/security/unsafe-deserialization.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(unsafeDeserialization, {
  flagged: [
    { code: `import pickle\nobj = pickle.loads(data)`, lines: [2], message: '`pickle.loads`' },
    { code: `import pickle\nwith open(p, "rb") as f:\n    obj = pickle.load(f)`, lines: [3] },
    { code: `import cPickle as pickle\npickle.loads(blob)`, lines: [2], message: '`cPickle.loads`' },
    { code: `from pickle import loads as l\nl(blob)`, lines: [2], message: '`pickle.loads`' },
    { code: `import dill\ndill.loads(blob)`, lines: [2] },
    { code: `import marshal\ncode = marshal.loads(blob)`, lines: [2], message: '`marshal.loads`' },
    { code: `import shelve\ndb = shelve.open(path)`, lines: [2] },
    { code: `import jsonpickle\nobj = jsonpickle.decode(text)`, lines: [2] },
    { code: `import pickle\nclass U(pickle.Unpickler): pass\nu = pickle.Unpickler(f)`, lines: [3] },
  ],
  clean: [
    { code: `import json\njson.loads(data)` },
    { code: `import pickle\ndata = pickle.dumps(obj)` },
    // A round trip through our own dumps is a copy, not outside data.
    { code: `import pickle\ncopy = pickle.loads(pickle.dumps(obj, 2))` },
    // Not the pickle module: a local object with a load method.
    { code: `def f(pickle):\n    return pickle.loads(x)` },
  ],
});

test('unsafe-deserialization: request data raises, a literal payload lowers', () => {
  const [high] = runRule(unsafeDeserialization, 'import pickle\ndef view(request):\n    return pickle.loads(request.body)\n');
  expect(high).toMatchObject({ severity: 'high', cwe: 502, code: 'B301' });
  const [low] = runRule(unsafeDeserialization, "import pickle\npickle.loads(b'\\x80\\x03N.')\n");
  expect(low).toMatchObject({ severity: 'low', confidence: 'low' });
  const [marshal] = runRule(unsafeDeserialization, 'import marshal\nmarshal.load(f)\n');
  expect(marshal!.code).toBe('B302');
});
