import { implicitConcatenationMissingSpace } from '../../../analyzers/function-logic/implicit-concatenation-missing-space.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(implicitConcatenationMissingSpace, {
  flagged: [
    { code: 'raise ValueError(\n    "The timeout must be a positive"\n    "number of seconds"\n)\n', lines: [2], message: '"positivenumber"' },
    { code: 'query = (\n    "SELECT id FROM users"\n    "WHERE name = ?"\n)\n', lines: [2], message: '"usersWHERE"' },
    { code: 'msg = ("Could not connect."\n       "Retrying in 5 seconds")\n', lines: [1], message: '"connect.Retrying"' },
    { code: 'help = (f"Read {path} and"\n        "write the result")\n', lines: [1] },
    // A missing comma between two items of a list.
    {
      code: 'SOURCES = [\n    """def foo():\n        pass"""\n    """async = 1""",\n]\n',
      lines: [2],
      message: 'or the comma that should separate two items',
    },
    // Prose in three parts inside a tuple: the space is what is missing (sqlalchemy's create.py).
    {
      code: 'strategy = (\n    "1.4",\n    "renders a set of bound"\n    "expressions, or an empty set"\n    " at execution time.",\n)\n',
      lines: [3],
      message: "end of this line's string.",
    },
    { code: 'parser.add_argument("--x", help="Number of workers to"\n                    "start, default 4")\n', lines: [1] },
    // httpx 8e36f2bc, httpx/_config.py: a version number ends the first sentence.
    {
      code: 'warnings.warn(\n    "`create_ssl_context()` is deprecated since 0.28.0."\n    "Use `ssl_context = httpx.SSLContext()`."\n)\n',
      lines: [2],
      message: '"0.28.0.Use"',
    },
  ],
  clean: [
    { code: 'msg = ("The timeout must be a positive "\n       "number of seconds")\n' },
    { code: 'msg = ("The timeout must be a positive"\n       " number of seconds")\n' },
    // On one line: a style matter (ISC001), not a missing space.
    { code: 'msg = "The quick brown" "fox"\n' },
    // Raw and bytes literals (regular expressions, binary data).
    { code: 'PATTERN = (r"(?P<name>[a-z]+)"\n           r"(?P<value>\\d+)")\n' },
    { code: 'DATA = (b"GIF89a header"\n        b"trailer bytes")\n' },
    // No prose: identifiers, URLs, paths, blobs split across lines.
    { code: 'URL = ("https://example.com/some/long/pa"\n       "th/to/resource")\n' },
    { code: 'KEY = ("abcdef0123456789"\n       "fedcba9876543210")\n' },
    { code: 'NAME = ("package.module."\n        "ClassName")\n' },
    { code: 'doc = ("see the docs at https://docs.python.org/3/lib"\n       "rary/os.html for details")\n' },
    // Filler or data wrapped at the margin.
    { code: 'sbar = ("(s=\'aaaaaaaaa"\n        "aaaaaaaaaa\', z=\'bbb\')")\n' },
    // Escapes and interpolations at the junction.
    { code: 'text = ("first line\\n"\n        "second line")\n' },
    { code: 'text = (f"value {x}"\n        f"{y} more words")\n' },
    // Punctuation that needs no space after it in a format, and a lower-case word after a dot.
    { code: 'fmt = ("%(asctime)s %(name)s:"\n       "%(message)s")\n' },
    { code: 'name = ("call os.path."\n        "join on both parts")\n' },
    { code: 'name = ("see package.module."\n        "ClassName for details")\n' },
  ],
});
