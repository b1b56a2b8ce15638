/**
 * jest gives every test file a fresh module registry, which would load the native bindings again
 * in the same process and break them. This environment loads them once per worker with Node's
 * own require and hands them to the code under test (src/engine/parse.ts): tree-sitter, its
 * Python grammar, and our own parser (build/Release/flat_parse.node, null when it is not built).
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const Parser = require('tree-sitter');
const Python = require('tree-sitter-python');

const addon = join(__dirname, '..', '..', 'build', 'Release', 'flat_parse.node');
const flatParse = existsSync(addon) ? require(addon) : null;

class TreeSitterEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__prReviewerTreeSitter = { Parser, Python };
    this.global.__prReviewerFlatParse = flatParse;
  }
}

module.exports = TreeSitterEnvironment;
