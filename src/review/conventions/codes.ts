import picomatch from 'picomatch';

/** How a repository's linter settings turn one code at one path. */
export type CodeState = 'on' | 'off' | 'unset';

/** One linter's selection of codes, as its config file writes it. */
export interface CodeSelection {
  /** Where it was read: `pyproject.toml [tool.ruff.lint]`. */
  source: string;
  /** How a selector matches a code: Ruff's linter prefixes (`E` is not `EXE`), or flake8's plain prefixes. */
  style: 'ruff' | 'flake8';
  /** Codes the config selects (select and extend-select); `ALL` selects everything. */
  select: string[];
  ignore: string[];
  perFileIgnores: PerFileIgnore[];
}

export interface PerFileIgnore {
  pattern: string;
  codes: string[];
  matches(path: string): boolean;
}

const CODE = /^([A-Z]+)([0-9]*)$/;

/** How specific a selector is when it matches the code (longer wins), or -1 when it does not. */
export function selectorMatch(selector: string, code: string, style: CodeSelection['style']): number {
  if (selector === 'ALL') return 0;
  if (style === 'flake8') return code.startsWith(selector) ? selector.length : -1;
  const s = CODE.exec(selector);
  const c = CODE.exec(code);
  if (!s || !c) return -1;
  const [, sLetters, sDigits] = s;
  const [, cLetters, cDigits] = c;
  // `PL` is Ruff's name for all of Pylint (PLC, PLE, PLR, PLW).
  const linter = sLetters === cLetters || (sLetters === 'PL' && /^PL[CERW]$/.test(cLetters!));
  return linter && cDigits!.startsWith(sDigits!) ? selector.length : -1;
}

/** Per selection, the state of each code before per-file ignores: the same for every path, so computed once. */
const fixedStates = new WeakMap<CodeSelection, Map<string, CodeState>>();
/** Per per-file ignore, whether it names each code. */
const namedCodes = new WeakMap<PerFileIgnore, Map<string, boolean>>();

/** Ruff's and flake8's rule: the most specific selector wins; an ignore wins a tie; a per-file ignore always wins. */
export function selectionState(selection: CodeSelection, code: string, path: string): CodeState {
  for (const p of selection.perFileIgnores) if (names(p, code, selection.style) && p.matches(path)) return 'off';
  let states = fixedStates.get(selection);
  if (!states) {
    states = new Map();
    fixedStates.set(selection, states);
  }
  let state = states.get(code);
  if (state === undefined) {
    const best = (selectors: readonly string[]): number => Math.max(-1, ...selectors.map((s) => selectorMatch(s, code, selection.style)));
    const on = best(selection.select);
    const off = best(selection.ignore);
    state = off >= 0 && off >= on ? 'off' : on >= 0 ? 'on' : 'unset';
    states.set(code, state);
  }
  return state;
}

/** Whether a per-file ignore names the code at all (before its pattern is matched). */
function names(p: PerFileIgnore, code: string, style: CodeSelection['style']): boolean {
  let known = namedCodes.get(p);
  if (!known) {
    known = new Map();
    namedCodes.set(p, known);
  }
  let named = known.get(code);
  if (named === undefined) {
    named = p.codes.some((c) => selectorMatch(c, code, style) >= 0);
    known.set(code, named);
  }
  return named;
}

/** A code is off when any of the repository's linters turns it off there, on when one selects it. */
export function codeState(selections: readonly CodeSelection[], code: string, path: string): CodeState {
  let state: CodeState = 'unset';
  for (const s of selections) {
    const one = selectionState(s, code, path);
    if (one === 'off') return 'off';
    if (one === 'on') state = 'on';
  }
  return state;
}

/** Codes as flake8 and Ruff lists write them: separated by commas or spaces; anything else (an inline comment) left out. */
export function codeList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return items.map((s) => s.trim()).filter((s) => /^[A-Z]+[0-9]*$/.test(s));
}

/**
 * Ruff's and flake8's per-file-ignores: a glob matched against the path from the project root, or
 * against the file name alone; a pattern that matches a folder covers everything below it (so
 * `tests/*` covers `tests/unit/test_a.py`, as flake8's fnmatch does). `!` negates, as in Ruff.
 */
export function perFileIgnore(pattern: string, codes: string[]): PerFileIgnore {
  const cleaned = pattern.trim().replace(/^\.\//, '');
  const negated = cleaned.startsWith('!');
  const glob = negated ? cleaned.slice(1) : cleaned;
  const full = picomatch(glob, { dot: true, bash: true });
  const directory = picomatch(`${glob.replace(/\/+$/, '')}/**`, { dot: true, bash: true });
  const matches = (path: string): boolean => full(path) || directory(path) || full(path.slice(path.lastIndexOf('/') + 1));
  return { pattern, codes, matches: negated ? (path) => !matches(path) : matches };
}

/** flake8's per-file-ignores: `pattern: CODES` pairs, separated by newlines or commas (filenames then codes). */
export function flake8PerFileIgnores(value: string): PerFileIgnore[] {
  const out: PerFileIgnore[] = [];
  // As flake8's own tokenizer: a colon ends the file names, then codes until the next file name.
  let files: string[] = [];
  let codes: string[] = [];
  const flush = (): void => {
    for (const f of files) if (codes.length) out.push(perFileIgnore(f, codes));
    files = [];
    codes = [];
  };
  for (const token of value.split(/[\s,]+/).filter(Boolean)) {
    const [left, ...rest] = token.split(':');
    const right = rest.join(':');
    if (token.includes(':')) {
      if (codes.length) flush();
      if (left) files.push(left);
      if (right && /^[A-Z]+[0-9]*$/.test(right)) codes.push(right);
    } else if (/^[A-Z]+[0-9]*$/.test(token) && files.length) codes.push(token);
    else {
      if (codes.length) flush();
      files.push(token);
    }
  }
  flush();
  return out;
}
