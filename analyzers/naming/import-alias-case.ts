import type { z } from 'zod';
import type { Rule } from '../../src/engine/rule.js';
import {
  isAcronym,
  isCamelCase,
  isCasedLowercase,
  isCasedUppercase,
  isFreeName,
  isLowercase,
  IGNORE_NAMES_OPTIONS,
  nameMatcher,
} from '../python/naming-style.js';

/** flake8-import-conventions' default aliases: `import xml.etree.ElementTree as ET` is the convention, not a naming slip. */
const CONVENTIONAL_ALIASES: Record<string, string> = {
  altair: 'alt',
  matplotlib: 'mpl',
  'matplotlib.pyplot': 'plt',
  numpy: 'np',
  'numpy.typing': 'npt',
  pandas: 'pd',
  seaborn: 'sns',
  tensorflow: 'tf',
  tkinter: 'tk',
  holoviews: 'hv',
  panel: 'pn',
  'plotly.express': 'px',
  polars: 'pl',
  pyarrow: 'pa',
  'xml.etree.ElementTree': 'ET',
};

/** The pep8-naming code an `import name as alias` earns, if any (Ruff's N811–N814, N817). */
export function aliasProblem(name: string, alias: string, fullName: string): { code: string; message: string } | undefined {
  if (isCasedUppercase(name) && !(isCasedUppercase(alias) || isAcronym(name, alias))) {
    return { code: 'N811', message: `Constant \`${name}\` imported as non-constant \`${alias}\`` };
  }
  if (!isCasedUppercase(name) && isCasedLowercase(name) && !isLowercase(alias)) {
    return { code: 'N812', message: `Lowercase \`${name}\` imported as non-lowercase \`${alias}\`` };
  }
  if (isCamelCase(name) && isCasedLowercase(alias)) {
    return { code: 'N813', message: `CamelCase \`${name}\` imported as lowercase \`${alias}\`` };
  }
  if (isCamelCase(name) && !isCasedLowercase(alias) && isCasedUppercase(alias)) {
    if (!isAcronym(name, alias)) {
      // A one-letter alias could be a class or a constant (as Ruff).
      if ([...alias].length > 1) return { code: 'N814', message: `CamelCase \`${name}\` imported as constant \`${alias}\`` };
      return undefined;
    }
    if (CONVENTIONAL_ALIASES[fullName] === alias) return undefined;
    return { code: 'N817', message: `CamelCase \`${name}\` imported as acronym \`${alias}\`` };
  }
  return undefined;
}

/** pep8-naming N811–N814 and N817: an import alias that changes the imported name's case convention. */
export const importAlias: Rule<z.output<typeof IGNORE_NAMES_OPTIONS>> = {
  id: 'import-alias-case',
  category: 'naming',
  title: "Import alias changes the name's convention",
  severity: 'info',
  codes: ['N811', 'N812', 'N813', 'N814', 'N817'],
  optionsSchema: IGNORE_NAMES_OPTIONS,
  doc: {
    what: 'An `import … as …` whose alias is in a different case convention than the name: a constant made lowercase (N811), a module capitalised (N812), a class lowercased (N813) or upper-cased (N814), or a class shortened to its initials (N817). Community conventions such as `xml.etree.ElementTree as ET` are fine.',
    why: 'The case of a name tells the reader what it is (module, class, constant); an alias that changes it hides that, and the same thing ends up with two spellings in one codebase.',
    example: 'import os as OS\nfrom decimal import Decimal as decimal',
    useInstead: 'import os\nfrom decimal import Decimal',
    fix: 'Keep the original case in the alias (`import os`, `from decimal import Decimal`), or pick an alias in the same convention.',
  },
  create(ctx) {
    const ignored = nameMatcher(ctx.options.ignoreNames);
    return {
      'module:exit'() {
        for (const b of ctx.scopes.imports()) {
          if (b.kind !== 'import' && b.kind !== 'from-import') continue;
          const aliased = b.node.parent;
          if (aliased?.type !== 'aliased_import') continue;
          const name = aliased.childForFieldName('name')?.text;
          if (!name || ignored(b.name) || ignored(name)) continue;
          const fullName = b.kind === 'import' ? name : (b.qualifiedName ?? name);
          const problem = aliasProblem(name, b.name, fullName);
          if (!problem) continue;
          // Without the alias the import binds the name itself (not so for `import a.b`, which binds `a`): if nothing else says it.
          const plain = !name.includes('.') && isFreeName(name, ctx.file.source, { start: aliased.startIndex, end: aliased.endIndex });
          ctx.report({
            node: b.node,
            code: problem.code,
            message: problem.message,
            subject: b.name,
            ...(plain ? { suggestion: `Drop \`as ${b.name}\` and write \`${name}\` where the code says \`${b.name}\`.` } : {}),
          });
        }
      },
    };
  },
};
