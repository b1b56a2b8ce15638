import type { Rule } from '../../src/engine/rule.js';

// Where "0.0.0.0" is an address being used: passed, assigned, defaulted, put in a (host, port) tuple.
const USES = new Set(['argument_list', 'keyword_argument', 'assignment', 'default_parameter', 'typed_default_parameter', 'tuple']);

/** Binding a server to every network interface. */
export const bindAllInterfaces: Rule = {
  id: 'bind-all-interfaces',
  category: 'security',
  title: 'Server bound to all interfaces',
  severity: 'medium',
  confidence: 'medium',
  cwe: 605,
  codes: ['B104', 'S104'],
  doc: {
    what: 'The address `"0.0.0.0"` passed to a call, assigned, used as a default or in a `(host, port)` tuple.',
    why: 'Binding to every interface exposes the service to every network the machine is on, not just the one intended.',
    example: 'server.bind(("0.0.0.0", 8080))',
    fix: 'Bind to the interface that should serve (`"127.0.0.1"` for local use) and make the address configurable.',
  },
  create(ctx) {
    return {
      string(node) {
        if (node.endIndex - node.startIndex > 12) return;
        if (!/^[bu]?["']0\.0\.0\.0["']$/i.test(node.text)) return;
        const parent = node.parent;
        if (!parent || !USES.has(parent.type)) return;
        if (parent.type === 'assignment' && parent.childForFieldName('right')?.startIndex !== node.startIndex) return;
        ctx.report({ node, message: 'Binding to 0.0.0.0 exposes the service on every network interface; bind to a specific address.', subject: '0.0.0.0' });
      },
    };
  },
};
