/* tree-sitter's runtime, compiled from the copy vendored in the tree-sitter package (include path in binding.gyp). */
#include "lib.c"
