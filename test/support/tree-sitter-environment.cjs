/**
 * jest gives every test file a fresh module registry, which would load tree-sitter's native
 * binding again in the same process and break it. This environment loads it once per worker
 * with Node's own require and hands it to the code under test (src/engine/parse.ts).
 */
const { TestEnvironment } = require('jest-environment-node');
const Parser = require('tree-sitter');
const Python = require('tree-sitter-python');

class TreeSitterEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__prReviewerTreeSitter = { Parser, Python };
  }
}

module.exports = TreeSitterEnvironment;
