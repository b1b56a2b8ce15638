import type { Rule } from '../../src/engine/rule.js';
import { keywordArgument, mentions } from './arguments.js';
import { importsModule, namedCalls } from './call-target.js';

// Callee names this rule can be about: other calls are never resolved.
const CALLEES = new Set<string>(['run']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /debug\s*=\s*True/;

/** Flask's `app.run(debug=True)`. */
export const flaskDebug: Rule = {
  id: 'flask-debug',
  category: 'security',
  title: 'Flask run with debug=True',
  severity: 'high',
  confidence: 'medium',
  cwe: 94,
  codes: ['B201', 'S201'],
  doc: {
    what: '`app.run(debug=True)` in a module that uses Flask.',
    why: 'The Werkzeug debugger lets whoever reaches the page run Python in the server; debug mode must never reach production.',
    example: 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=True)',
    useInstead: 'from flask import Flask\n\napp = Flask(__name__)\napp.run(debug=os.environ.get("FLASK_DEBUG") == "1")',
    fix: 'Turn debug on only from the environment in development: `app.run(debug=os.environ.get("FLASK_DEBUG") == "1")`, or use `flask run --debug` locally.',
  },
  create(ctx) {
    return namedCalls(ctx, FILE_HINT, CALLEES, (node, target) => {
      if (target.name !== 'run' || !target.method || !mentions(ctx, node, 'debug')) return;
      if (keywordArgument(node, 'debug')?.type !== 'true' || !importsModule(ctx, 'flask')) return;
      ctx.report({
        node,
        message: 'The Flask app runs with debug=True, which exposes the Werkzeug debugger (remote code execution).',
        subject: 'debug=True',
      });
    });
  },
};
