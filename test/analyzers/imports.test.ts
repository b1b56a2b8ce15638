import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering of DESIGN.md, read from the import statements: a category folder holds rules and
 * imports no other category (facts they share live in analyzers/python/), the shared layer imports
 * no category, and no module of src/ or analyzers/ imports itself back through others.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

interface Import {
  to: string;
  typeOnly: boolean;
}

/** The relative imports of a module (`import … from './x.js'`, `export … from`), as repository paths. */
function importsOf(path: string): Import[] {
  const text = readFileSync(join(root, path), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    out.push({ to: normalize(join(dirname(path), m[2]!)).replace(/\.js$/, '.ts'), typeOnly: m[1] !== undefined });
  }
  return out;
}

const modules = [...sources('src'), ...sources('analyzers')];
const graph = new Map(modules.map((m) => [m, importsOf(m)]));
const categoryOf = (path: string) => /^analyzers\/([^/]+)\//.exec(path)?.[1];

describe('imports', () => {
  test('the reader finds the imports (a sanity check on the pattern)', () => {
    expect(graph.get('analyzers/index.ts')!.map((i) => i.to)).toContain('analyzers/security/index.ts');
    expect(graph.get('src/engine/run.ts')!.some((i) => i.typeOnly)).toBe(true);
    for (const [from, imports] of graph) for (const i of imports) expect(modules.includes(i.to) ? i.to : `${from} → ${i.to}`).toBe(i.to);
  });

  test('no category folder imports another; analyzers/python imports none', () => {
    const crossings = [...graph].flatMap(([from, imports]) =>
      imports
        .filter((i) => {
          const own = categoryOf(from);
          const target = categoryOf(i.to);
          return own !== undefined && target !== undefined && target !== own && target !== 'python';
        })
        .map((i) => `${from} → ${i.to}`),
    );
    expect(crossings).toEqual([]);
  });

  test('no import cycle among the modules of src/ and analyzers/ (type-only imports included)', () => {
    // Tarjan's strongly connected components: any component of more than one module is a cycle.
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      for (const { to } of graph.get(v) ?? []) {
        if (!index.has(to)) {
          visit(to);
          low.set(v, Math.min(low.get(v)!, low.get(to)!));
        } else if (stack.includes(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do component.push((w = stack.pop()!));
        while (w !== v);
        if (component.length > 1) cycles.push(component.map((p) => relative(root, join(root, p))).sort());
      }
    };
    for (const m of modules) if (!index.has(m)) visit(m);
    expect(cycles).toEqual([]);
  });
});
