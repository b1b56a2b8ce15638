import { staticmethodSelf } from '../../../analyzers/signatures/staticmethod-self.js';
import { ruleTester } from '../../helpers/rule-tester.js';

ruleTester(staticmethodSelf, {
  flagged: [
    { code: 'class P:\n    @staticmethod\n    def parse(self, text):\n        return text', lines: [3], message: 'takes a parameter named `self`' },
    { code: 'class P:\n    @staticmethod\n    def parse(text):\n        return self.grammar.parse(text)', lines: [4], message: 'uses `self`' },
    { code: 'class P:\n    @staticmethod\n    def parse(text):\n        return [self.x for _ in text]', lines: [4] },
  ],
  clean: [
    { code: 'class P:\n    def parse(self, text):\n        return self.grammar.parse(text)' },
    { code: 'class P:\n    @staticmethod\n    def parse(text):\n        self = make()\n        return self.parse(text)' },
    {
      code: 'class P:\n    @staticmethod\n    def build(text):\n        class Inner:\n            def m(self):\n                return self\n        return Inner',
    },
  ],
});
