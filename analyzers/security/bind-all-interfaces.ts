import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { textOf } from './arguments.js';
import { argumentsText, callTarget } from './call-target.js';

// Names under which an address is something to listen on.
const ADDRESS_NAME = /(?:^|_)(?:host|hostname|bind|addr|address|listen|interface|iface|server)(?:_|$)/i;
// The address a client sends from (`local_address="0.0.0.0"` picks IPv4, `source_address`): "any", not a listener.
const CLIENT_SIDE = /(?:^|_)(?:source|src|local|client|origin|outgoing|from|peer|remote)(?:_|$)/i;
// In a class body only these name where the instances will listen; other fields are data (`address: str = "0.0.0.0"`).
const LISTEN_FIELD = /(?:^|_)(?:bind|listen)(?:_|$)/i;
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** A name under which "0.0.0.0" is an address to listen on. */
function listenName(name: string): boolean {
  return ADDRESS_NAME.test(name) && !CLIENT_SIDE.test(name);
}

/** `host = "0.0.0.0"` directly in a class body: a field of each instance's data, unless it is a setting constant or names a listener. */
function dataField(node: SyntaxNode, name: string): boolean {
  const inClassBody = node.parent?.type === 'expression_statement' && node.parent.parent?.parent?.type === 'class_definition';
  return inClassBody && !CONSTANT.test(name) && !LISTEN_FIELD.test(name);
}
// Calls that bind or serve: `sock.bind(("0.0.0.0", 80))`, `loop.create_server(p, "0.0.0.0", 80)`.
const BINDING_CALL = new Set([
  'bind',
  'listen',
  'serve',
  'serve_forever',
  'run',
  'run_simple',
  'start_server',
  'create_server',
  'create_datagram_endpoint',
  'make_server',
  'HTTPServer',
  'ThreadingHTTPServer',
  'TCPServer',
  'UDPServer',
  'ThreadingTCPServer',
  'WSGIServer',
  'TCPSite',
]);
const ALL = /^[bu]?["']0\.0\.0\.0["']$/i;

function isAll(node: SyntaxNode | null | undefined): node is SyntaxNode {
  return node?.type === 'string' && ALL.test(node.text);
}

function nameOf(target: SyntaxNode | null): string {
  return (target?.type === 'attribute' ? target.childForFieldName('attribute')?.text : target?.text) ?? '';
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /0\.0\.0\.0/;

/** Binding a server to every network interface. */
export const bindAllInterfaces: Rule = {
  id: 'bind-all-interfaces',
  category: 'security',
  title: 'Server bound to all interfaces',
  severity: 'medium',
  confidence: 'medium',
  cwe: 605,
  codes: ['B104', 'S104'],
  partialCodes: ['B104', 'S104'],
  doc: {
    what: 'The address `"0.0.0.0"` given to something that listens: a `bind`/`create_server`/`run` call, a `host=` argument, a `HOST = ...` setting or default. Not the source address of a client (`local_address=`, `source_address=`) or a data field of a class.',
    why: 'Binding to every interface exposes the service to every network the machine is on, not just the one intended.',
    example: 'server.bind(("0.0.0.0", 8080))',
    useInstead: 'server.bind(("127.0.0.1", 8080))',
    fix: 'Bind to the interface that should serve (`"127.0.0.1"` for local use) and make the address configurable.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    const report = (node: SyntaxNode): void =>
      ctx.report({ node, message: 'Binding to 0.0.0.0 exposes the service on every network interface; bind to a specific address.', subject: '0.0.0.0' });
    // The literal is looked for in the texts of calls, assignments and defaults: no string node is read.
    return {
      call(node) {
        if (!argumentsText(ctx, node).includes('0.0.0.0')) return;
        const binding = BINDING_CALL.has(callTarget(ctx, node).name);
        for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
          if (arg.type === 'keyword_argument') {
            if (isAll(arg.childForFieldName('value')) && listenName(arg.childForFieldName('name')?.text ?? '')) report(arg.childForFieldName('value')!);
          } else if (binding && isAll(arg)) report(arg);
          else if (binding && arg.type === 'tuple' && arg.namedChildCount === 2 && isAll(arg.namedChild(0))) report(arg.namedChild(0)!);
        }
      },
      assignment(node) {
        if (!textOf(node).includes('0.0.0.0')) return;
        const right = node.childForFieldName('right');
        const name = nameOf(node.childForFieldName('left'));
        if (isAll(right) && listenName(name) && !dataField(node, name)) report(right);
      },
      default_parameter(node) {
        if (!textOf(node).includes('0.0.0.0')) return;
        const value = node.childForFieldName('value');
        if (isAll(value) && listenName(node.childForFieldName('name')?.text ?? '')) report(value);
      },
    };
  },
};
