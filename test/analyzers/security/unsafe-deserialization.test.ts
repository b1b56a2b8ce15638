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

describe('unsafe-deserialization: a round trip of our own pickle, or test code, is an advisory note of low severity', () => {
  test.each([
    ['a round trip through a variable', 'import pickle\ndata = pickle.dumps(obj)\ncopy = pickle.loads(data)\n', 'm.py', 3, 'round trip'],
    [
      'a round trip in a test',
      'import pickle\ndef test_pickles(obj):\n    s = pickle.dumps(obj)\n    assert pickle.loads(s) == obj\n',
      'tests/test_m.py',
      4,
      'round trip',
    ],
    [
      'a fixture loaded by a test',
      'import pickle\ndef test_old_format():\n    with open(path, "rb") as f:\n        assert pickle.load(f)\n',
      'tests/test_m.py',
      4,
      'Test code',
    ],
  ])('%s', (_name, code, path, line, why) => {
    const findings = runRule(unsafeDeserialization, code, path);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[line, 'low']]);
    expect(findings[0]!.advisory).toContain(why);
  });

  test('outside data in library code is still a defect', () => {
    const findings = runRule(unsafeDeserialization, 'import pickle\ndata = sock.recv(4096)\nobj = pickle.loads(data)\n');
    expect(findings.map((f) => [f.severity, f.advisory])).toEqual([['medium', undefined]]);
  });
});

test('unsafe-deserialization: request data raises, a literal payload lowers', () => {
  const [high] = runRule(unsafeDeserialization, 'import pickle\ndef view(request):\n    return pickle.loads(request.body)\n');
  expect(high).toMatchObject({ severity: 'high', cwe: 502, code: 'B301' });
  const [low] = runRule(unsafeDeserialization, "import pickle\npickle.loads(b'\\x80\\x03N.')\n");
  expect(low).toMatchObject({ severity: 'low', confidence: 'low' });
  const [marshal] = runRule(unsafeDeserialization, 'import marshal\nmarshal.load(f)\n');
  expect(marshal!.code).toBe('B302');
});

describe('unsafe-deserialization: what to load with instead, for the loader the code calls', () => {
  ruleTester(unsafeDeserialization, {
    flagged: [
      {
        code: 'import pickle\nobj = pickle.loads(data)',
        lines: [2],
        suggestion:
          'Exchange the data as JSON and validate it: `json.loads(data)`, written with `json.dumps`. If it must stay a pickle, sign it with `hmac` and check the signature before `pickle.loads`.',
      },
      {
        code: 'import cPickle as pickle\nwith open(p, "rb") as f:\n    obj = pickle.load(f)',
        lines: [3],
        suggestion:
          'Exchange the data as JSON and validate it: `json.load(f)`, written with `json.dump`. If it must stay a pickle, sign it with `hmac` and check the signature before `pickle.load`.',
      },
      {
        code: 'import dill\ndill.loads(request.get_data())',
        lines: [2],
        suggestion:
          'Exchange the data as JSON and validate it: `json.loads(request.get_data())`, written with `json.dumps`. If it must stay a pickle, sign it with `hmac` and check the signature before `dill.loads`.',
      },
      {
        code: 'import marshal\ncode = marshal.loads(blob)',
        lines: [2],
        suggestion: 'Exchange the data as JSON: `json.loads(blob)`. `marshal` is an internal format for `.pyc` files, not hardened against crafted data.',
      },
      {
        code: 'import shelve\ndb = shelve.open(path)',
        lines: [2],
        suggestion:
          'A shelf is a file of pickles: open only shelves this program wrote, where no one else can write; for outside data use `json` or `sqlite3`.',
      },
      {
        code: 'import pandas as pd\ndf = pd.read_pickle(upload)',
        lines: [2],
        suggestion: 'Read outside data with `pd.read_parquet`, `pd.read_csv` or `pd.read_json`; keep `read_pickle` for files this program wrote.',
      },
      {
        code: 'import jsonpickle\nobj = jsonpickle.decode(text)',
        lines: [2],
        suggestion:
          'Decode with `json.loads` and build the objects from the plain data yourself: `jsonpickle.decode` restores whatever classes the data names.',
      },
      // A round trip of the process's own pickle is an advisory note: nothing to fix.
      { code: 'import pickle\ndata = pickle.dumps(obj)\ncopy = pickle.loads(data)', lines: [3], suggestion: null },
    ],
    clean: [{ code: 'import json\njson.loads(data)' }],
  });
});
