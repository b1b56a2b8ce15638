/** One family of checks measured against Ruff: its codes, and whether Ruff needs preview for them. */
export interface Family {
  name: string;
  codes: string[];
  preview?: boolean;
}

/**
 * The families `npm run bench:accuracy` measures. Each engineer appends the families of the
 * categories they own; our findings match Ruff's by file, line and code (Finding.code).
 */
export const FAMILIES: Family[] = [
  { name: 'unused imports (F401)', codes: ['F401'] },
  { name: 'unused variables (F841)', codes: ['F841'] },
  { name: 'docstrings (D100–D107)', codes: ['D100', 'D101', 'D102', 'D103', 'D104', 'D105', 'D106', 'D107'] },
  { name: 'naming (N801–N818)', codes: ['N801', 'N802', 'N803', 'N806', 'N807', 'N811', 'N812', 'N813', 'N814', 'N815', 'N816', 'N817', 'N818'] },
  { name: 'builtin shadowing (A001, A002)', codes: ['A001', 'A002'] },
  { name: 'type hints (ANN001–ANN206)', codes: ['ANN001', 'ANN002', 'ANN003', 'ANN201', 'ANN202', 'ANN204', 'ANN205', 'ANN206'] },
  { name: 'first argument (N804, N805)', codes: ['N804', 'N805'] },
  { name: 'mutable defaults (B006)', codes: ['B006'] },
  { name: 'indentation (E111–E117, Ruff preview)', codes: ['E111', 'E112', 'E113', 'E114', 'E115', 'E116', 'E117'], preview: true },
  { name: 'tabs (W191, E101)', codes: ['W191', 'E101'] },
  { name: 'complexity (C901)', codes: ['C901'] },
  { name: 'function size (PLR0912, PLR0913, PLR0915)', codes: ['PLR0912', 'PLR0913', 'PLR0915'] },
  { name: 'raise without from (B904)', codes: ['B904'] },
  { name: 'bare except (E722)', codes: ['E722'] },
  { name: 'redefined while unused (F811)', codes: ['F811'] },
  { name: 'useless comparison (B015)', codes: ['B015'] },
  { name: 'useless expression (B018)', codes: ['B018'] },
  { name: 'deprecation stacklevel (B028)', codes: ['B028'] },
  { name: 'type comparison (E721)', codes: ['E721'] },
  { name: 'loop variable closure (B023)', codes: ['B023'] },
  { name: 'is literal (F632)', codes: ['F632'] },
  { name: 'made-up dunder methods (PLW3201, Ruff preview)', codes: ['PLW3201'], preview: true },
];

/** Ruff's wasm build names preview rules by name instead of code in its diagnostics. */
const PREVIEW_NAMES: Record<string, string> = {
  'bad-dunder-method-name': 'PLW3201',
  'indentation-with-invalid-multiple': 'E111',
  'no-indented-block': 'E112',
  'unexpected-indentation': 'E113',
  'indentation-with-invalid-multiple-comment': 'E114',
  'no-indented-block-comment': 'E115',
  'unexpected-indentation-comment': 'E116',
  'over-indented': 'E117',
};

/**
 * Codes that name the same finding in different circumstances Ruff's wasm build cannot see:
 * it checks text without a file name, so a package `__init__.py` gets D100 where Ruff on disk says D104.
 */
export function canonicalCode(code: string): string {
  const named = PREVIEW_NAMES[code] ?? code;
  return named === 'D104' ? 'D100' : named;
}

/**
 * Ruff on disk treats a private module (`_pyio.py`, anything under `_pkg/`) as having no public
 * names, so it reports no D1xx there; the wasm build sees no file name and does. Its D1xx
 * diagnostics in such files are left out so that we are compared with Ruff as users run it.
 */
export function ruffOnDiskWouldSkip(path: string, code: string): boolean {
  if (!/^D10[0-7]$/.test(code)) return false;
  const parts = path.split('/');
  const module = parts[parts.length - 1]!.replace(/\.py$/, '');
  return (
    (module !== '__init__' && module.startsWith('_') && !module.startsWith('__')) || parts.slice(0, -1).some((p) => p.startsWith('_') && !p.startsWith('__'))
  );
}

/** One finding that only one side reports. */
export interface Disagreement {
  path: string;
  line: number;
  code: string;
  message: string;
}

/** What a deliberate difference may look at: the file's path and text, our messages there, whether a line is string text. */
export interface FileView {
  path: string;
  source: string;
  ourMessages: readonly string[];
  inString(line: number): boolean;
}

/**
 * Disagreements we keep on purpose (each explained with an example in docs/benchmarks.md), so
 * that the benchmark counts them apart from the ones still to explain. A predicate names a class
 * of findings, never a file.
 */
export const DELIBERATE: ReadonlyArray<{ reason: string; matches(d: Disagreement, file: FileView): boolean }> = [
  {
    reason: 'F401, Ruff only: a relative import in a package `__init__.py` builds its public face',
    matches: (d, f) => d.code === 'F401' && /(^|\/)__init__\.py$/.test(f.path) && /^`\./.test(d.message),
  },
  {
    reason: 'F401, Ruff only: a name exported by `__all__.extend(...)` / `__all__.append(...)`',
    matches: (d, f) => {
      const name = /^`[^`]*?([\w]+)`/.exec(d.message)?.[1];
      return d.code === 'F401' && name !== undefined && /__all__\s*\.\s*(extend|append)\s*\(/.test(f.source) && new RegExp(`['"]${name}['"]`).test(f.source);
    },
  },
  {
    reason: 'E111–E117, Ruff only: a file indented by 2 or 8 spaces is told once, not on every line',
    matches: (d, f) => /^E11[1-7]$/.test(d.code) && f.ourMessages.some((m) => m.startsWith('This file indents by')),
  },
  {
    reason: 'E101/W191, Ruff only: lines inside a multi-line string are string text, never judged',
    matches: (d, f) => (d.code === 'E101' || d.code === 'W191') && f.inString(d.line),
  },
  {
    reason: 'N802, Ruff only: a visitor method named for a node type (`visit_TEXT`) in a class whose bases come from elsewhere',
    matches: (d) => d.code === 'N802' && /`(visit|depart)_\w*[A-Z]/.test(d.message),
  },
];

/** The reason a disagreement is deliberate, if it is. */
export function deliberateReason(d: Disagreement, file: FileView): string | undefined {
  return DELIBERATE.find((r) => r.matches(d, file))?.reason;
}
