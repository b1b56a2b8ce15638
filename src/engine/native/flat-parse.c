/*
 * Parse a Python source and copy its tree into flat arrays in one native call: the layout of
 * src/engine/flat-tree.ts, filled without a single crossing per node. Built by node-gyp from
 * binding.gyp under `npm ci`, with tree-sitter's own vendored runtime (the grammar comes from
 * tree-sitter-python's loaded binding, as an External). C and Node-API only: no libstdc++.
 */
#define NAPI_VERSION 8
#include <node_api.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#define NAMED 1
#define MISSING 2
#define HAS_ERROR 4

/* "tree-sitter", "language" hashed with BLAKE2: the tag grammar bindings put on their External. */
static const napi_type_tag LANGUAGE_TYPE_TAG = {0x8AF2E5212AD58ABF, 0xD5006CAD83ABBA16};

typedef struct {
  TSParser *parser;
} Instance;

typedef struct {
  uint64_t deadline;
  int timed_out;
} Budget;

#define CHECK(call)                                                        \
  do {                                                                     \
    if ((call) != napi_ok) {                                               \
      napi_throw_error(env, NULL, "flat-parse: Node-API call failed: " #call); \
      return NULL;                                                         \
    }                                                                      \
  } while (0)

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static bool over_budget(TSParseState *state) {
  Budget *budget = (Budget *)state->payload;
  if (budget->deadline && now_ns() > budget->deadline) {
    budget->timed_out = 1;
    return true;
  }
  return false;
}

typedef struct {
  const char *bytes;
  uint32_t length;
} Text;

static const char *read_text(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
  (void)position;
  Text *text = (Text *)payload;
  if (byte_index >= text->length) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = text->length - byte_index;
  return text->bytes + byte_index;
}

static const TSLanguage *language_of(napi_env env, napi_value value) {
  bool tagged = false;
  void *language = NULL;
  if (napi_check_object_type_tag(env, value, &LANGUAGE_TYPE_TAG, &tagged) != napi_ok || !tagged) return NULL;
  if (napi_get_value_external(env, value, &language) != napi_ok) return NULL;
  return (const TSLanguage *)language;
}

static void delete_tree(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  if (data) ts_tree_delete((TSTree *)data);
}

/* A kept tree: an External whose finalizer frees it, unless release() did already. */
typedef struct {
  TSTree *tree;
} Kept;

static void delete_kept(napi_env env, void *data, void *hint) {
  (void)hint;
  Kept *kept = (Kept *)data;
  delete_tree(env, kept->tree, NULL);
  free(kept);
}

/*
 * The arrays, in one buffer: parents, previous, subtreeEnds, starts, ends (int32/uint32), then
 * types, fields (uint16), then flags (uint8). Offsets are count-based; JS makes the views.
 */
typedef struct {
  uint32_t count;
  uint32_t capacity;
  int32_t *parents;
  int32_t *previous;
  int32_t *subtree_ends;
  uint32_t *starts;
  uint32_t *ends;
  uint16_t *types;
  uint16_t *fields;
  uint8_t *flags;
} Flat;

static int flat_grow(Flat *f, uint32_t capacity) {
#define GROW(name, type)                                                  \
  {                                                                       \
    type *p = (type *)realloc(f->name, (size_t)capacity * sizeof(type));  \
    if (!p) return 0;                                                     \
    f->name = p;                                                          \
  }
  GROW(parents, int32_t)
  GROW(previous, int32_t)
  GROW(subtree_ends, int32_t)
  GROW(starts, uint32_t)
  GROW(ends, uint32_t)
  GROW(types, uint16_t)
  GROW(fields, uint16_t)
  GROW(flags, uint8_t)
#undef GROW
  f->capacity = capacity;
  return 1;
}

static void flat_free(Flat *f) {
  free(f->parents);
  free(f->previous);
  free(f->subtree_ends);
  free(f->starts);
  free(f->ends);
  free(f->types);
  free(f->fields);
  free(f->flags);
}

/* Preorder copy of the visible nodes, as a TSTreeCursor shows them. Byte offsets become UTF-16 indices. */
static int flatten(TSTree *tree, Flat *f) {
  TSNode root = ts_tree_root_node(tree);
  if (!flat_grow(f, ts_node_descendant_count(root) + 16)) return 0;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  uint32_t depth_capacity = 64, depth = 0;
  int32_t *open = (int32_t *)malloc(depth_capacity * sizeof(int32_t));
  int32_t *last_child = (int32_t *)malloc(depth_capacity * sizeof(int32_t));
  int ok = open && last_child;
  while (ok) {
    if (f->count == f->capacity && !flat_grow(f, f->capacity * 2)) {
      ok = 0;
      break;
    }
    uint32_t i = f->count++;
    TSNode node = ts_tree_cursor_current_node(&cursor);
    uint32_t start = ts_node_start_byte(node) / 2, end = ts_node_end_byte(node) / 2;
    uint8_t flag = 0;
    if (ts_node_is_named(node)) flag |= NAMED;
    if (ts_node_is_missing(node)) flag |= MISSING;
    if (ts_node_has_error(node)) flag |= HAS_ERROR;
    f->types[i] = ts_node_symbol(node);
    f->fields[i] = depth ? ts_tree_cursor_current_field_id(&cursor) : 0;
    f->parents[i] = depth ? open[depth - 1] : -1;
    f->previous[i] = depth ? last_child[depth - 1] : -1;
    if (depth) last_child[depth - 1] = (int32_t)i;
    f->starts[i] = start;
    f->ends[i] = end;
    f->flags[i] = flag;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      if (depth == depth_capacity) {
        depth_capacity *= 2;
        int32_t *o = (int32_t *)realloc(open, depth_capacity * sizeof(int32_t));
        if (o) open = o;
        int32_t *l = (int32_t *)realloc(last_child, depth_capacity * sizeof(int32_t));
        if (l) last_child = l;
        if (!o || !l) {
          ok = 0;
          break;
        }
      }
      open[depth] = (int32_t)i;
      last_child[depth] = -1;
      depth++;
      continue;
    }
    f->subtree_ends[i] = (int32_t)i + 1;
    int done = 0;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = 1;
        break;
      }
      f->subtree_ends[open[--depth]] = (int32_t)f->count;
    }
    if (done) break;
  }
  while (depth) f->subtree_ends[open[--depth]] = (int32_t)f->count;
  ts_tree_cursor_delete(&cursor);
  free(open);
  free(last_child);
  return ok;
}

static napi_value flat_buffer(napi_env env, Flat *f) {
  size_t n = f->count;
  size_t size = n * (5 * 4 + 2 * 2 + 1);
  void *data = NULL;
  napi_value buffer;
  CHECK(napi_create_arraybuffer(env, size, &data, &buffer));
  char *p = (char *)data;
  memcpy(p, f->parents, n * 4);
  p += n * 4;
  memcpy(p, f->previous, n * 4);
  p += n * 4;
  memcpy(p, f->subtree_ends, n * 4);
  p += n * 4;
  memcpy(p, f->starts, n * 4);
  p += n * 4;
  memcpy(p, f->ends, n * 4);
  p += n * 4;
  memcpy(p, f->types, n * 2);
  p += n * 2;
  memcpy(p, f->fields, n * 2);
  p += n * 2;
  memcpy(p, f->flags, n);
  return buffer;
}

static napi_value set_number(napi_env env, napi_value object, const char *name, double value) {
  napi_value v;
  CHECK(napi_create_double(env, value, &v));
  CHECK(napi_set_named_property(env, object, name, v));
  return object;
}

/*
 * parse(language, source, keep, timeoutMs, oldTree?, edit?) → { buffer, count, tree? } | null
 * (null: over the time budget). `edit` is the 9 numbers of a TSInputEdit in UTF-16 units
 * (startIndex, oldEndIndex, newEndIndex, then rows and columns of the three points); the old
 * tree (an External from an earlier call with keep) is edited in place and parsed against.
 */
static napi_value parse(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Instance *instance = NULL;
  CHECK(napi_get_instance_data(env, (void **)&instance));
  const TSLanguage *language = language_of(env, argv[0]);
  if (!language) {
    napi_throw_type_error(env, NULL, "flat-parse: the first argument must be a tree-sitter grammar's language");
    return NULL;
  }
  if (!instance->parser) {
    instance->parser = ts_parser_new();
  }
  if (ts_parser_language(instance->parser) != language && !ts_parser_set_language(instance->parser, language)) {
    napi_throw_error(env, NULL, "flat-parse: incompatible grammar version");
    return NULL;
  }
  size_t length = 0;
  CHECK(napi_get_value_string_utf16(env, argv[1], NULL, 0, &length));
  char16_t *source = (char16_t *)malloc((length + 1) * sizeof(char16_t));
  if (!source) {
    napi_throw_error(env, NULL, "flat-parse: out of memory");
    return NULL;
  }
  CHECK(napi_get_value_string_utf16(env, argv[1], source, length + 1, &length));
  bool keep = false;
  CHECK(napi_get_value_bool(env, argv[2], &keep));
  double timeout_ms = 0;
  CHECK(napi_get_value_double(env, argv[3], &timeout_ms));

  TSTree *old_tree = NULL;
  if (argc > 4) {
    napi_valuetype kind;
    CHECK(napi_typeof(env, argv[4], &kind));
    if (kind == napi_external) {
      Kept *kept = NULL;
      CHECK(napi_get_value_external(env, argv[4], (void **)&kept));
      old_tree = kept->tree;
    }
  }
  if (old_tree && argc > 5) {
    double e[9];
    for (uint32_t k = 0; k < 9; k++) {
      napi_value v;
      CHECK(napi_get_element(env, argv[5], k, &v));
      CHECK(napi_get_value_double(env, v, &e[k]));
    }
    TSInputEdit edit = {
        .start_byte = (uint32_t)e[0] * 2,
        .old_end_byte = (uint32_t)e[1] * 2,
        .new_end_byte = (uint32_t)e[2] * 2,
        .start_point = {(uint32_t)e[3], (uint32_t)e[4] * 2},
        .old_end_point = {(uint32_t)e[5], (uint32_t)e[6] * 2},
        .new_end_point = {(uint32_t)e[7], (uint32_t)e[8] * 2},
    };
    ts_tree_edit(old_tree, &edit);
  }

  Text text = {(const char *)source, (uint32_t)(length * 2)};
  TSInput input = {.payload = &text, .read = read_text, .encoding = TSInputEncodingUTF16LE, .decode = NULL};
  Budget budget = {timeout_ms > 0 && isfinite(timeout_ms) ? now_ns() + (uint64_t)(timeout_ms * 1e6) : 0, 0};
  TSParseOptions options = {.payload = &budget, .progress_callback = over_budget};
  TSTree *tree = ts_parser_parse_with_options(instance->parser, old_tree, input, options);
  free(source);
  if (!tree) {
    ts_parser_reset(instance->parser);
    napi_value null_value;
    CHECK(napi_get_null(env, &null_value));
    return null_value;
  }

  Flat flat = {0};
  int ok = flatten(tree, &flat);
  napi_value result, buffer = NULL;
  if (ok) buffer = flat_buffer(env, &flat);
  flat_free(&flat);
  if (!ok || !buffer) {
    ts_tree_delete(tree);
    if (!ok) napi_throw_error(env, NULL, "flat-parse: out of memory");
    return NULL;
  }
  CHECK(napi_create_object(env, &result));
  CHECK(napi_set_named_property(env, result, "buffer", buffer));
  if (!set_number(env, result, "count", flat.count)) return NULL;
  if (keep) {
    Kept *kept = (Kept *)malloc(sizeof(Kept));
    kept->tree = tree;
    napi_value handle;
    CHECK(napi_create_external(env, kept, delete_kept, NULL, &handle));
    CHECK(napi_set_named_property(env, result, "tree", handle));
  } else {
    ts_tree_delete(tree);
  }
  return result;
}

/* release(tree): frees a kept tree at once (its finalizer then has nothing left to do). */
static napi_value release(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Kept *kept = NULL;
  CHECK(napi_get_value_external(env, argv[0], (void **)&kept));
  if (kept->tree) ts_tree_delete(kept->tree);
  kept->tree = NULL;
  return NULL;
}

/* symbols(language) → { types: (string|null)[], named: boolean[], fields: (string|null)[] }, by id. */
static napi_value symbols(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  const TSLanguage *language = language_of(env, argv[0]);
  if (!language) {
    napi_throw_type_error(env, NULL, "flat-parse: expected a tree-sitter grammar's language");
    return NULL;
  }
  napi_value result, types, named, fields, value;
  CHECK(napi_create_object(env, &result));
  uint32_t symbol_count = ts_language_symbol_count(language);
  CHECK(napi_create_array_with_length(env, symbol_count, &types));
  CHECK(napi_create_array_with_length(env, symbol_count, &named));
  for (uint32_t id = 0; id < symbol_count; id++) {
    const char *name = ts_language_symbol_name(language, (TSSymbol)id);
    if (name) CHECK(napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &value));
    else CHECK(napi_get_null(env, &value));
    CHECK(napi_set_element(env, types, id, value));
    CHECK(napi_get_boolean(env, ts_language_symbol_type(language, (TSSymbol)id) == TSSymbolTypeRegular, &value));
    CHECK(napi_set_element(env, named, id, value));
  }
  uint32_t field_count = ts_language_field_count(language);
  CHECK(napi_create_array_with_length(env, field_count + 1, &fields));
  for (uint32_t id = 0; id <= field_count; id++) {
    const char *name = id ? ts_language_field_name_for_id(language, (TSFieldId)id) : NULL;
    if (name) CHECK(napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &value));
    else CHECK(napi_get_null(env, &value));
    CHECK(napi_set_element(env, fields, id, value));
  }
  CHECK(napi_set_named_property(env, result, "types", types));
  CHECK(napi_set_named_property(env, result, "named", named));
  CHECK(napi_set_named_property(env, result, "fields", fields));
  return result;
}

static void delete_instance(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  Instance *instance = (Instance *)data;
  if (instance->parser) ts_parser_delete(instance->parser);
  free(instance);
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  Instance *instance = (Instance *)calloc(1, sizeof(Instance));
  if (!instance || napi_set_instance_data(env, instance, delete_instance, NULL) != napi_ok) return NULL;
  napi_property_descriptor properties[] = {
      {"parse", NULL, parse, NULL, NULL, NULL, napi_default, NULL},
      {"release", NULL, release, NULL, NULL, NULL, napi_default, NULL},
      {"symbols", NULL, symbols, NULL, NULL, NULL, napi_default, NULL},
  };
  if (napi_define_properties(env, exports, 3, properties) != napi_ok) return NULL;
  return exports;
}
