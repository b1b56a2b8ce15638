/**
 * The double-underscore names Python itself defines (the data model, the stdlib's protocols) and
 * well-known library protocols: any other `__name__` method is made up, and Python will never
 * call it.
 */

/** Methods the interpreter or the standard library call (Python 3.0–3.13 data model, pickle, copy, abc, dataclasses…). */
export const DATA_MODEL_METHODS: ReadonlySet<string> = new Set([
  // object lifecycle and representation
  '__new__', '__init__', '__del__', '__repr__', '__str__', '__bytes__', '__format__', '__hash__', '__bool__', '__sizeof__', '__dir__',
  // rich comparison
  '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__',
  // attribute access and descriptors
  '__getattr__', '__getattribute__', '__setattr__', '__delattr__', '__get__', '__set__', '__delete__', '__set_name__',
  // class creation
  '__init_subclass__', '__prepare__', '__mro_entries__', '__instancecheck__', '__subclasscheck__', '__class_getitem__', '__subclasshook__', '__subclasses__',
  // callables and containers
  '__call__', '__len__', '__length_hint__', '__getitem__', '__setitem__', '__delitem__', '__missing__', '__iter__', '__next__', '__reversed__', '__contains__',
  // numbers
  '__add__', '__sub__', '__mul__', '__matmul__', '__truediv__', '__floordiv__', '__mod__', '__divmod__', '__pow__', '__lshift__', '__rshift__', '__and__', '__xor__', '__or__',
  '__radd__', '__rsub__', '__rmul__', '__rmatmul__', '__rtruediv__', '__rfloordiv__', '__rmod__', '__rdivmod__', '__rpow__', '__rlshift__', '__rrshift__', '__rand__', '__rxor__', '__ror__',
  '__iadd__', '__isub__', '__imul__', '__imatmul__', '__itruediv__', '__ifloordiv__', '__imod__', '__ipow__', '__ilshift__', '__irshift__', '__iand__', '__ixor__', '__ior__',
  '__neg__', '__pos__', '__abs__', '__invert__', '__complex__', '__int__', '__float__', '__index__', '__round__', '__trunc__', '__floor__', '__ceil__',
  // context managers, coroutines, async iteration, buffers
  '__enter__', '__exit__', '__aenter__', '__aexit__', '__await__', '__aiter__', '__anext__', '__buffer__', '__release_buffer__',
  // pickle, copy, os, dataclasses, abc, typing, inspect
  '__reduce__', '__reduce_ex__', '__getnewargs__', '__getnewargs_ex__', '__getstate__', '__setstate__', '__getinitargs__',
  '__copy__', '__deepcopy__', '__replace__', '__fspath__', '__post_init__', '__signature__', '__get_type_hints__',
  '__class__', '__or__', '__ror__', '__typing_subst__', '__typing_prepare_subst__', '__typing_unpacked_tuple_args__',
  // module-level hooks (PEP 562) and doctest / unittest
  '__getformat__', '__test__',
  // Python 2 names still seen in compatibility code
  '__nonzero__', '__unicode__', '__cmp__', '__div__', '__rdiv__', '__idiv__', '__coerce__', '__getslice__', '__setslice__', '__delslice__', '__long__', '__oct__', '__hex__',
]);

/** Protocols of widely used libraries (numpy, pydantic, attrs, rich, IPython, SQLAlchemy, Jinja/MarkupSafe, array API…). */
export const LIBRARY_METHODS: ReadonlySet<string> = new Set([
  '__array__', '__array_ufunc__', '__array_function__', '__array_wrap__', '__array_finalize__', '__array_prepare__', '__array_priority__', '__array_interface__', '__array_namespace__',
  '__dlpack__', '__dlpack_device__', '__arrow_c_array__', '__arrow_c_stream__', '__arrow_c_schema__', '__dataframe__', '__cuda_array_interface__', '__torch_function__', '__torch_dispatch__', '__jax_array__',
  '__get_pydantic_core_schema__', '__get_pydantic_json_schema__', '__get_validators__', '__modify_schema__', '__pydantic_init_subclass__', '__pydantic_post_init__',
  '__attrs_post_init__', '__attrs_pre_init__', '__attrs_init__',
  '__rich__', '__rich_console__', '__rich_measure__', '__rich_repr__', '__pretty__',
  '__html__', '__html_format__', '__json__', '__clause_element__', '__geo_interface__', '__fspath__', '__sklearn_tags__', '__sklearn_clone__', '__init_on_load__',
  '_repr_html_', '__repr_html__', '__class_getitem__', '__ipython_display__',
]);

/** Class attributes Python and common frameworks read (`__slots__`, `__match_args__`, SQLAlchemy's `__tablename__`…). */
export const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  '__slots__', '__match_args__', '__doc__', '__module__', '__qualname__', '__annotations__', '__dict__', '__weakref__', '__all__', '__version__', '__author__',
  '__abstractmethods__', '__orig_bases__', '__parameters__', '__type_params__', '__final__', '__total__', '__required_keys__', '__optional_keys__',
  '__protocol_attrs__', '__non_callable_proto_members__', '__dataclass_fields__', '__dataclass_params__', '__test__', '__unittest_skip__', '__unittest_skip_why__',
  '__tablename__', '__table_args__', '__mapper_args__', '__abstract__', '__table__', '__bind_key__', '__metaclass__', '__hash__', '__iter__', '__name__',
  '__text_signature__', '__wrapped__', '__signature__', '__objclass__', '__isabstractmethod__', '__deprecated__', '__path__', '__file__', '__spec__', '__loader__', '__package__', '__builtins__',
]);

export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__') && name[2] !== '_';
}
