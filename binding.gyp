{
  "targets": [
    {
      "target_name": "flat_parse",
      "sources": [
        "src/engine/native/flat-parse.c",
        "src/engine/native/tree-sitter-runtime.c"
      ],
      "include_dirs": [
        "<(tree_sitter)/vendor/tree-sitter/lib/include",
        "<(tree_sitter)/vendor/tree-sitter/lib/src"
      ],
      "defines": ["_POSIX_C_SOURCE=200112L", "_DEFAULT_SOURCE"],
      "conditions": [
        ["OS!='win'", { "cflags_c": ["-std=c11", "-fvisibility=hidden"] }, { "cflags_c": ["/std:c11"] }]
      ]
    }
  ],
  "variables": {
    "tree_sitter%": "<!(node -p \"require('path').dirname(require.resolve('tree-sitter/package.json'))\")"
  }
}
