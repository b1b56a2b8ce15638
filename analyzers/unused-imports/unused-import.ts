import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Fix } from '../../src/engine/finding.js';
import { positionOf } from '../../src/engine/run.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Binding } from '../../src/engine/scope.js';
import type { SourceFile } from '../../src/engine/parse.js';
import { followsConventions } from '../../src/engine/conventions.js';

/** pyflakes F401: an imported name that nothing reads. */
export const unusedImport: Rule = {
  id: 'unused-import',
  category: 'unused-imports',
  title: 'Unused import',
  severity: 'low',
  codes: ['F401'],
  doc: {
    what: 'An imported name that the module never reads, is not listed in `__all__`, and is not an explicit re-export (`import x as x`).',
    why: 'Unused imports slow start-up, hide real dependencies and make readers look for a use that is not there.',
    example: 'import os\nimport sys\n\nprint(sys.argv)   # os is never used',
    useInstead: 'import sys\n\nprint(sys.argv)',
    fix: 'Remove the import, or the one name from a multi-name import. To re-export a name on purpose, list it in `__all__` or write `import x as x`.',
  },
  create(ctx) {
    return {
      'module:exit'() {
        const { file, scopes } = ctx;
        const conventional = followsConventions(ctx.conventions);
        const unused = scopes.imports().filter((b) => isUnused(b, file) && !(conventional && isImportFallback(b)));
        for (const b of unused) {
          // "as" only where the code says it: `from unittest import skipIf` binds the last part, `import os.path` the first.
          const parts = b.qualifiedName?.split('.') ?? [];
          const aliased = parts.length > 0 && b.name !== parts[parts.length - 1] && !(b.kind === 'submodule-import' && b.name === parts[0]);
          const shown = !b.qualifiedName || b.qualifiedName === b.name ? b.name : aliased ? `${b.qualifiedName}\` as \`${b.name}` : b.qualifiedName;
          const fix = removalFix(b, unused, file);
          ctx.report({
            node: b.kind === 'submodule-import' ? (b.node.parent ?? b.node) : b.node,
            message: `\`${shown}\` is imported but never used`,
            subject: b.qualifiedName ?? b.name,
            parent: b.statement,
            ...(fix ? { fix } : {}),
          });
        }
      },
    };
  },
};

function isUnused(b: Binding, file: SourceFile): boolean {
  if (b.kind === 'future-import' || b.redundantAlias || b.reads.length > 0) return false;
  // Imported to fill a `global`/`nonlocal` name: whoever reads that name may be in another module.
  if (b.declaredOuter) return false;
  // A package's `from . import x` / `from .mod import x` is how it builds its public face.
  if (file.isPackageInit && b.statement.childForFieldName('module_name')?.type === 'relative_import') return false;
  // Imports in a class body are class attributes, read through the class.
  if (b.scope.kind === 'class') return false;
  // Only a name's last binding is judged: an earlier one rebound is a redefinition (F811), or
  // the other branch of a `try: import a / except ImportError: a = None` fallback.
  const same = b.scope.bindingsOf(b.name);
  if (same[same.length - 1] !== b) return false;
  // A rebinding takes over the uses of the name before it (as Ruff): `Old = X` then `from m import X`
  // replaces X, it is no dead import.
  return !same.some((earlier) => earlier !== b && earlier.reads.some((read) => read >= 0 && read < b.node.startIndex));
}

/**
 * One branch of `try: import chardet / except ImportError: import charset_normalizer as chardet`:
 * a compatibility shim whose point is to provide the name, here or to the modules that import it
 * from this one. Ruff reports it when nothing here reads it; a maintainer would not remove it.
 */
function isImportFallback(b: Binding): boolean {
  const handler = ancestor(b.statement, 'except_clause');
  const attempt = handler?.parent?.type === 'try_statement' ? handler.parent : undefined;
  const body = attempt?.childForFieldName('body');
  if (!attempt || !body) return false;
  return b.scope
    .bindingsOf(b.name)
    .some(
      (other) => other !== b && other.kind.endsWith('import') && body.startIndex <= other.statement.startIndex && other.statement.endIndex <= body.endIndex,
    );
}

function ancestor(node: SyntaxNode, type: string): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === type) return n;
  return undefined;
}

/** The names an import statement binds, in order: the `x` of `import x`, `a` of `from m import b as a`. */
function importedItems(statement: SyntaxNode): SyntaxNode[] {
  return statement.type === 'import_from_statement'
    ? statement.childrenForFieldName('name')
    : statement.namedChildren.filter((c) => c.type === 'dotted_name' || c.type === 'aliased_import');
}

/**
 * Removing an import is safe when it cannot change what runs: not inside a try (an ImportError
 * probe), and a whole statement only when it stands alone on its lines and is not the only
 * statement of its block.
 */
function removalFix(b: Binding, unused: Binding[], file: SourceFile): Fix | undefined {
  if (b.inTry) return undefined;
  const statement = b.statement;
  const items = importedItems(statement);
  const item = items.find((i) => i.startIndex <= b.node.startIndex && b.node.endIndex <= i.endIndex);
  if (!item) return undefined;
  const allUnused = items.every((i) => unused.some((u) => u.statement === statement && i.startIndex <= u.node.startIndex && u.node.endIndex <= i.endIndex));
  if (allUnused) return wholeStatementFix(statement, file, b.name);
  const index = items.indexOf(item);
  const [start, end] = index < items.length - 1 ? [item.startIndex, items[index + 1]!.startIndex] : [items[index - 1]!.endIndex, item.endIndex];
  return { description: `Remove \`${b.name}\` from the import`, edits: [edit(file, start, end, '')] };
}

function wholeStatementFix(statement: SyntaxNode, file: SourceFile, name: string): Fix | undefined {
  const from = positionOf(file, statement.startIndex);
  const to = positionOf(file, statement.endIndex);
  const before = file.source.slice(file.lineStarts[from.line - 1]!, statement.startIndex);
  const lineEnd = file.lineStarts[to.line] ?? file.source.length;
  const after = file.source.slice(statement.endIndex, lineEnd);
  if (before.trim() !== '' || !/^\s*(#.*)?\r?\n?$/.test(after)) return undefined;
  const siblings = statement.parent?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (statement.parent?.type === 'block' && siblings.length === 1) return undefined;
  return {
    description: `Remove the unused import of \`${name}\``,
    edits: [{ line: from.line, column: 1, endLine: to.line + 1, endColumn: 1, newText: '' }],
  };
}

function edit(file: SourceFile, start: number, end: number, newText: string) {
  const a = positionOf(file, start);
  const b = positionOf(file, end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText };
}
