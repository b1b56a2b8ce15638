import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { stringValue, textOf } from './arguments.js';
import { argumentsText } from './call-target.js';
import { codeThatGuardsNothing } from './intent.js';

const WORD = String.raw`(?:pas+wo?r?d|pass(?:phrase)?|pwd|token|secrete?|api_?key|access_?key|secret_?key|private_?key|auth_?key|credentials?)`;
// Bandit's shape: the word alone or between underscores (`db_password`, `TOKEN`, `secret_value`).
const SECRET_NAME = new RegExp(String.raw`(?:^${WORD}$|_${WORD}_|^${WORD}_|_${WORD}$)`, 'i');
// Names that hold something about a secret, not the secret: `password_field`, `TOKEN_URL`.
const ABOUT_A_SECRET =
  /_(?:url|uri|file|filename|path|name|field|type|header|prompt|label|msg|message|regex|re|pattern|env|var|dir|prefix|suffix|format|fmt|template|endpoint|mode|len|length|size|count|timeout|expiry|expires|ttl|id|key_name|param|method|hash_algorithm|policy|chars|characters|min|max)$/i;
const PLACEHOLDER =
  /^(?:[*x•.?#-]+|<[^>]*>|\{[^}]*\}|\$\{?\w+\}?|%\(?\w*\)?s|none|null|changeme\b.*|your[_ -].*|example.*|dummy.*|test.*|fake.*|secret|password|redacted|hidden|placeholder|todo)$/i;
// snake_case or UPPER_CASE words; a mixed-case value like `Sup3rSecret` is a password.
const FIELD_LIKE = /^(?:[a-z][a-z0-9_.-]*|[A-Z][A-Z0-9_.-]*)$/;
const FORMAT_TEMPLATE = /%[sd(]|\{\w*\}/;
// Regular-expression syntax: `TOKEN = r"[A-Za-z0-9_.-]+"` is the pattern a token matches, not a token.
const PATTERN = /\\[wdsWDSbB]|\[[^\]]*\w-\w[^\]]*\]|\(\?|\.[*+]|\][*+?{]/;
const SETTING = /^(?:yes|no|true|false|on|off|enabled?|disabled?|required|optional|none|auto|basic|bearer|plain)$/i;

/** Recognisable credential formats, whatever name they are stored under. */
const SHAPES: Array<[RegExp, string]> = [
  [/-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/, 'a private key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\b[sr]k_live_[0-9A-Za-z]{20,}\b/, 'a Stripe live key'],
];

// Cheap tests on raw text before any child node is built.
const NAME_HINT = new RegExp(WORD, 'i');
const SHAPE_HINT = /BEGIN|AKIA|ASIA|gh[pousr]_|github_pat_|xox|AIza|k_live_/;

// Necessary text: a secret-sounding name being assigned or passed, or a credential's shape.
const FILE_HINT = new RegExp(String.raw`${WORD}\w*['"]?\s*(?:=|:)|${SHAPE_HINT.source}`, 'i');

function shapeOf(text: string): string | undefined {
  if (text.length < 20) return undefined;
  return SHAPES.find(([re]) => re.test(text))?.[1];
}

/** Whether a literal assigned to a secret-sounding name is plausibly the secret itself. */
function looksLikeSecret(value: string, strict: boolean): boolean {
  if (value.trim() === '' || PLACEHOLDER.test(value) || FORMAT_TEMPLATE.test(value) || SETTING.test(value) || PATTERN.test(value)) return false;
  // Prose (a help text, a whole config file) is not a password.
  if (/\n|\s\S*\s/.test(value)) return false;
  // `TOKEN = "access_token"`, `PASSWORD = "password"`: a field name, not a password.
  if (FIELD_LIKE.test(value) && new RegExp(WORD, 'i').test(value)) return false;
  if (/^[a-z]+:\/\//i.test(value) || value.startsWith('/')) return false;
  // In comparisons and for tokens the value must look like one (a parser's `token == "("` does not).
  return !strict || (value.length >= 6 && !/\s/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value));
}

function secretName(name: string): boolean {
  return SECRET_NAME.test(name) && !ABOUT_A_SECRET.test(name);
}

/** The last name of a target: `password`, `self.password` → `password`. */
function targetName(node: SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  if (node.type === 'subscript') return stringValue(node.childForFieldName('subscript') ?? undefined);
  return undefined;
}

/** The environment variable a secret stored under `name` would be read from: `db_password` → `DB_PASSWORD`. */
function environmentName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** The fix in the code's own names: `PASSWORD = os.environ["PASSWORD"]`, not the rule doc's example name. */
function readAtRunTime(node: SyntaxNode, name: string): string {
  const env = `os.environ["${environmentName(name) || 'SECRET'}"]`;
  const lead = 'Read the secret at run time from the environment or a secret store';
  const left = node.type === 'assignment' ? node.childForFieldName('left') : null;
  const key = node.type === 'pair' ? node.childForFieldName('key')?.text : undefined;
  const written = (text: string | undefined): boolean => text !== undefined && text.length <= 60 && !/[`\n]/.test(text);
  if (left && written(left.text)) return `${lead}: \`${left.text} = ${env}\`.`;
  if (node.type === 'keyword_argument') return `${lead}: \`${name}=${env}\`.`;
  if (key !== undefined && written(key)) return `${lead}: \`${key}: ${env}\`.`;
  if (node.type === 'default_parameter' || node.type === 'typed_default_parameter')
    return `${lead}: default \`${name}\` to \`None\` and read \`${env}\` when it is not given.`;
  return `${lead}, and compare with that: \`${env}\`.`;
}

/** Hard-coded passwords, tokens and keys: by the name they are stored under, and by their shape. */
export const hardcodedSecret: Rule = {
  id: 'hardcoded-secret',
  category: 'security',
  title: 'Hard-coded password, token or key',
  severity: 'medium',
  confidence: 'medium',
  cwe: 798,
  codes: ['B105', 'B106', 'B107', 'S105', 'S106', 'S107'],
  partialCodes: ['B105', 'B106', 'B107', 'S105', 'S106', 'S107'],
  doc: {
    what: "A string literal stored as a password, token, secret or key (assignment, default argument, keyword argument, dict entry, comparison), or shaped like a private key or cloud credential. In example code (`examples/`, `docs/`) and code the repository calls test code, a stored name is a low advisory note, not a defect; test files are left alone, except for a real credential's shape.",
    why: 'Secrets in source reach every clone, fork, log and backup of the repository, and cannot be rotated without a release.',
    example: 'DB_PASSWORD = "hunter2-prod-2024"',
    useInstead: 'DB_PASSWORD = os.environ["DB_PASSWORD"]',
    fix: 'Read the secret at run time from the environment or a secret store: `DB_PASSWORD = os.environ["DB_PASSWORD"]`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    const reportName = (node: SyntaxNode, name: string, value: SyntaxNode | null, code: string, strict = false): void => {
      // Test credentials are fixtures; a real key's shape is still reported (the `string` handler).
      if (ctx.file.isTestFile) return;
      const text = stringValue(value ?? undefined);
      if (text === undefined || shapeOf(text) || !secretName(name)) return;
      if (!looksLikeSecret(text, strict || /token/i.test(name))) return;
      // A demo service's public password in an example, a fixture in test code: a note, never a defect.
      const advisory = codeThatGuardsNothing(ctx);
      ctx.report({
        node,
        message: `\`${name}\` is given a hard-coded secret; read it from the environment or a secret store.`,
        subject: name,
        code,
        ...(advisory ? { advisory, severity: 'low' as const } : { suggestion: readAtRunTime(node, name) }),
      });
    };
    const hinted = (node: SyntaxNode): boolean => NAME_HINT.test(textOf(node).slice(0, 120));
    // Credential shapes, looked for in the values of assignments, pairs and calls (no string node is read).
    const reportShape = (value: SyntaxNode | null | undefined): boolean => {
      if (value?.type !== 'string' && value?.type !== 'concatenated_string') return false;
      const text = stringValue(value);
      const shape = text === undefined ? undefined : shapeOf(text);
      if (shape)
        ctx.report({
          node: value,
          message: `This string is ${shape}; keep it out of the source and read it at run time.`,
          subject: shape,
          code: 'B105',
          severity: 'high',
          confidence: 'high',
        });
      return shape !== undefined;
    };
    return {
      assignment(node) {
        if (SHAPE_HINT.test(textOf(node)) && reportShape(node.childForFieldName('right'))) return;
        if (!hinted(node)) return;
        const right = node.childForFieldName('right');
        if (right?.type !== 'string' && right?.type !== 'concatenated_string') return;
        const name = targetName(node.childForFieldName('left'));
        if (name) reportName(node, name, right, 'B105');
      },
      // Keyword arguments are read from their call, whose text is at hand: far fewer nodes to build.
      call(node) {
        const args = argumentsText(ctx, node);
        const shapes = SHAPE_HINT.test(args);
        if (!shapes && !NAME_HINT.test(args)) return;
        for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
          if (shapes && reportShape(arg.type === 'keyword_argument' ? arg.childForFieldName('value') : arg)) continue;
          if (arg.type !== 'keyword_argument') continue;
          const name = arg.childForFieldName('name')?.text;
          if (name) reportName(arg, name, arg.childForFieldName('value'), 'B106');
        }
      },
      default_parameter(node) {
        if (!hinted(node)) return;
        const name = node.childForFieldName('name')?.text;
        if (name) reportName(node, name, node.childForFieldName('value'), 'B107');
      },
      typed_default_parameter(node) {
        if (!hinted(node)) return;
        const name = node.childForFieldName('name')?.text;
        if (name) reportName(node, name, node.childForFieldName('value'), 'B107');
      },
      pair(node) {
        if (SHAPE_HINT.test(textOf(node)) && reportShape(node.childForFieldName('value'))) return;
        if (!hinted(node)) return;
        const key = stringValue(node.childForFieldName('key') ?? undefined);
        if (key) reportName(node, key, node.childForFieldName('value'), 'B105');
      },
      comparison_operator(node) {
        if (!hinted(node)) return;
        if (node.namedChildCount !== 2) return;
        const [left, right] = node.namedChildren as [SyntaxNode, SyntaxNode];
        const name = targetName(left);
        if (name && /^(?:==|!=)$/.test(node.child(1)?.text ?? '')) reportName(node, name, right, 'B105', true);
      },
    };
  },
};
