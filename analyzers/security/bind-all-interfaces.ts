import type { SyntaxNode } from 'tree-sitter';
import type { Rule } from '../../src/engine/rule.js';

// Names under which an address is something to listen on.
const ADDRESS_NAME = /(?:^|_)(?:host|hostname|bind|addr|address|listen|interface|iface|server)(?:_|$)/i;
// Calls that bind or serve: `sock.bind(("0.0.0.0", 80))`, `loop.create_server(p, "0.0.0.0", 80)`.
const BINDING_CALL = /(?:^|\.)(?:bind|listen|serve|serve_forever|run|run_simple|start_server|create_server|create_datagram_endpoint|make_server|HTTPServer|ThreadingHTTPServer|TCPServer|UDPServer|ThreadingTCPServer|WSGIServer|TCPSite)$/;

/** Whether the "0.0.0.0" literal is an address given to something that listens. */
function bindsAll(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'keyword_argument':
      return ADDRESS_NAME.test(parent.childForFieldName('name')?.text ?? '');
    case 'default_parameter':
    case 'typed_default_parameter':
      return ADDRESS_NAME.test(parent.childForFieldName('name')?.text ?? '');
    case 'assignment': {
      const left = parent.childForFieldName('left');
      const name = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : left?.text;
      return parent.childForFieldName('right')?.startIndex === node.startIndex && ADDRESS_NAME.test(name ?? '');
    }
    case 'tuple': {
      // ("0.0.0.0", port) handed to a binding call.
      if (parent.namedChildCount !== 2 || parent.namedChild(0)?.startIndex !== node.startIndex) return false;
      const call = parent.parent?.type === 'argument_list' ? parent.parent.parent : null;
      return BINDING_CALL.test(call?.childForFieldName('function')?.text ?? '');
    }
    case 'argument_list':
      return BINDING_CALL.test(parent.parent?.childForFieldName('function')?.text ?? '');
    default:
      return false;
  }
}

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
    what: 'The address `"0.0.0.0"` given to something that listens: a `bind`/`create_server`/`run` call, a `host=` argument, a `HOST = ...` setting or default.',
    why: 'Binding to every interface exposes the service to every network the machine is on, not just the one intended.',
    example: 'server.bind(("0.0.0.0", 8080))',
    fix: 'Bind to the interface that should serve (`"127.0.0.1"` for local use) and make the address configurable.',
  },
  create(ctx) {
    return {
      string(node) {
        if (node.endIndex - node.startIndex > 12) return;
        if (!/^[bu]?["']0\.0\.0\.0["']$/i.test(node.text) || !bindsAll(node)) return;
        ctx.report({ node, message: 'Binding to 0.0.0.0 exposes the service on every network interface; bind to a specific address.', subject: '0.0.0.0' });
      },
    };
  },
};
