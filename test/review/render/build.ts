import { analyze, type AnalysisResult } from '../../../src/engine/analyze.js';
import type { Finding } from '../../../src/engine/finding.js';
import type { Rule } from '../../../src/engine/rule.js';
import { DEFAULT_CONFIG, enabledRules } from '../../../src/review/config.js';
import { planOf } from '../../helpers/plan.js';
import { dedent } from '../../helpers/rule-tester.js';
import type { ReviewPlan } from '../../../src/review/plan.js';

/** Runs the real engine, every default rule, over small Python sources: the plan of those files reviewed whole. */
export function review(files: Record<string, string>): ReviewPlan {
  return planOf(
    analyze(
      Object.entries(files).map(([path, source]) => ({ path, source: dedent(source) })),
      enabledRules(DEFAULT_CONFIG),
    ),
  );
}

/** For renderer-only cases (categories whose rules are not written yet): a finding built by hand. */
export function finding(over: Partial<Finding> & Pick<Finding, 'rule' | 'category'>): Finding {
  return {
    path: 'app.py',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    severity: 'low',
    confidence: 'high',
    message: `${over.rule} finding`,
    snippet: 'x = 1',
    symbol: '',
    fingerprint: `fp-${over.rule}-${over.line ?? 1}`,
    ...over,
  };
}

export function result(findings: Finding[], over: Partial<AnalysisResult> = {}): ReviewPlan {
  const paths = [...new Set(findings.map((f) => f.path))];
  return planOf({
    files: (paths.length ? paths : ['app.py']).map((path) => ({ path, lines: 100 })),
    findings,
    notes: [],
    suppressed: [],
    outsideLines: 0,
    conformingNames: [],
    measurements: [],
    ...over,
  });
}

export const shellRule: Rule = {
  id: 'test-shell-injection',
  category: 'security',
  title: 'Shell command built from a variable',
  severity: 'high',
  cwe: 78,
  codes: ['B602'],
  doc: {
    what: 'A shell command line built from data.',
    why: 'Anyone who controls the data can run commands of their choice.',
    example: 'subprocess.run(f"ls {path}", shell=True)',
    fix: 'Pass a list of arguments and drop `shell=True`.',
  },
  create: () => ({}),
};

export const yamlRule: Rule = {
  id: 'test-yaml-load',
  category: 'security',
  title: 'yaml.load without a safe loader',
  severity: 'medium',
  cwe: 502,
  codes: ['B506'],
  doc: {
    what: 'yaml.load with the default loader.',
    why: 'A YAML document can construct arbitrary Python objects.',
    example: 'yaml.load(text)',
    fix: 'Use `yaml.safe_load`.',
  },
  create: () => ({}),
};

export function shellDefect(line: number, path = 'app.py'): Finding {
  return finding({
    rule: shellRule.id,
    category: 'security',
    severity: 'high',
    cwe: 78,
    path,
    line,
    message: '`subprocess.run` runs a shell command built with an f-string',
    snippet: 'subprocess.run(f"ls {path}", shell=True)',
  });
}
