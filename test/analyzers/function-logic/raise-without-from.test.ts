import { raiseWithoutFrom } from '../../../analyzers/function-logic/raise-without-from.js';
import { STRICT_CONVENTIONS } from '../../../src/engine/conventions.js';
import { ruleTester } from '../../helpers/rule-tester.js';

const CONVENTIONAL = { ...STRICT_CONVENTIONS, profile: 'conventional' as const };
/** requests' iter_content: every handler of the try wraps its error the same way. */
const WRAPPERS = 'try:\n    pass\nexcept ProtocolError as e:\n    raise ChunkedEncodingError(e)\nexcept SSLError as e:\n    raise RequestsSSLError(e)\n';

ruleTester(raiseWithoutFrom, {
  flagged: [
    // The strict profile reports each, as Ruff does; a lone handler is judged in either profile.
    { code: WRAPPERS, lines: [4, 6] },
    { code: 'try:\n    pass\nexcept KeyError as e:\n    raise Missing(e)\n', lines: [4], conventions: CONVENTIONAL },
    {
      code: 'try:\n    port = int(text)\nexcept ValueError:\n    raise ConfigError("bad port")\n',
      lines: [4],
      message: 'raise with `from err`',
      suggestion: 'Write `except ValueError as err:` and add `from err` to the raise (or `from None` to hide the original).',
    },
    // The fix names what the handler already calls the caught exception.
    {
      code: 'try:\n    pass\nexcept (KeyError, IndexError) as missing:\n    raise LookupFailed(key)\n',
      lines: [4],
      suggestion: 'Add `from missing` to the raise (or `from None` to hide the original).',
    },
    {
      code: 'try:\n    pass\nexcept:\n    raise Failed()\n',
      lines: [4],
      suggestion: 'Write `except Exception as err:` and add `from err` to the raise (or `from None` to hide the original).',
    },
    { code: 'try:\n    pass\nexcept E as e:\n    if x:\n        raise A()\n    elif y:\n        raise B()\n    else:\n        raise C(e)\n', lines: [5, 7, 9] },
    { code: 'try:\n    pass\nexcept E:\n    for i in x:\n        raise A()\n    with m:\n        raise B\n', lines: [5, 7] },
    { code: 'try:\n    pass\nexcept* E:\n    raise A()\n', lines: [4], message: 'Within an `except*` block' },
    // A nested try's handler is checked on its own.
    { code: 'try:\n    pass\nexcept A:\n    try:\n        pass\n    except B:\n        raise C()\n', lines: [7] },
  ],
  clean: [
    // The conventional profile follows the handlers around: a try whose handlers all wrap without `from`.
    { code: WRAPPERS, conventions: CONVENTIONAL },
    { code: 'try:\n    pass\nexcept ValueError as err:\n    raise ConfigError("bad") from err\n' },
    { code: 'try:\n    pass\nexcept ValueError:\n    raise ConfigError("bad") from None\n' },
    { code: 'try:\n    pass\nexcept ValueError:\n    raise\n' },
    { code: 'try:\n    pass\nexcept ValueError as e:\n    raise e\n' },
    { code: 'raise ValueError("outside")\n' },
    // Code defined in the handler runs later, elsewhere.
    { code: 'try:\n    pass\nexcept E:\n    def later():\n        raise A()\n' },
    // As in Ruff: a nested try's body, a loop's else clause.
    { code: 'try:\n    pass\nexcept E:\n    try:\n        raise A()\n    finally:\n        pass\n' },
    { code: 'try:\n    pass\nexcept E:\n    for i in x:\n        pass\n    else:\n        raise A()\n' },
    { code: 'try:\n    raise A()\nexcept E:\n    pass\nelse:\n    raise B()\nfinally:\n    raise C()\n' },
  ],
});
