import { flaskDebug } from '../../../analyzers/security/flask-debug.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

ruleTester(flaskDebug, {
  flagged: [
    { code: `from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)`, lines: [3], message: 'debug=True' },
    { code: `import flask\napp = flask.Flask(__name__)\napp.run(host="127.0.0.1", debug=True)`, lines: [3] },
  ],
  clean: [
    { code: `from flask import Flask\napp = Flask(__name__)\napp.run()` },
    { code: `from flask import Flask\napp = Flask(__name__)\napp.run(debug=False)` },
    { code: `import os\nfrom flask import Flask\napp = Flask(__name__)\napp.run(debug=os.environ.get("DEBUG") == "1")` },
    // Not a Flask module.
    { code: `runner.run(debug=True)` },
  ],
});

test('flask-debug: B201, CWE-94, high', () => {
  expect(runRule(flaskDebug, 'import flask\napp.run(debug=True)\n')[0]).toMatchObject({ code: 'B201', cwe: 94, severity: 'high' });
});
