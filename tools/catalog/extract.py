#!/usr/bin/env python3
"""Read one awslabs MCP server's source tree and print the facts the catalog needs, as JSON.

    python3 tools/catalog/extract.py <server-dir> [--env NAME=VALUE ...]

<server-dir> is a server folder of an awslabs/mcp checkout at a release tag (e.g. src/eks-mcp-server).
Everything is read with the `ast` module; nothing is imported or run. Facts:

- version, package, console scripts (pyproject.toml)
- flags: the add_argument() calls in the console script's own module only (BooleanOptionalAction adds
  the --no-... form) and whether it calls parse_args() (unknown flags: exit) or parse_known_args()
  (ignored); no argparse there: extra flags are ignored
- env: variables read (os.getenv, os.environ.get / [...] / in, and helpers named *env*), constants resolved
- tools registered from the modules the script reaches (imports followed from the entry module;
  `if` branches decided with the environment's defaults): name, the description the client receives
  (the `description=` argument, else the raw docstring, as mcp 1.x FastMCP sends `fn.__doc__`), and an
  input schema built as pydantic would (titles, types, defaults, Field descriptions, Annotated fields)
- instructions, deprecation notices (README, instructions, descriptions), runtime, transport
"""
import ast
import json
import os
import re
import sys
import tomllib

UNKNOWN = object()


class Module:
    def __init__(self, name, path, tree, is_pkg):
        self.name = name
        self.path = path
        self.tree = tree
        self.is_pkg = is_pkg
        self.consts = {}  # module-level names -> evaluated values (or UNKNOWN)
        self.imports = {}  # local name -> (module, attr or None)
        self.funcs = {}  # top-level function name -> FunctionDef
        self.classes = {}  # class name -> {method name -> FunctionDef}


def read_pyproject(root):
    with open(os.path.join(root, 'pyproject.toml'), 'rb') as f:
        return tomllib.load(f)


def index_modules(root):
    mods = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        parts = [] if rel == '.' else rel.split(os.sep)
        if parts and parts[0] in ('tests', 'test', 'docs', 'scripts', '.venv', 'build', 'dist'):
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.') and d != '__pycache__')
        for fn in sorted(filenames):
            if not fn.endswith('.py'):
                continue
            is_pkg = fn == '__init__.py'
            name = '.'.join(parts + ([] if is_pkg else [fn[:-3]]))
            path = os.path.join(dirpath, fn)
            with open(path, encoding='utf-8') as f:
                src = f.read()
            try:
                tree = ast.parse(src)
            except SyntaxError:
                continue
            mods[name] = Module(name, path, tree, is_pkg)
    return mods


def resolve_relative(mod, level, target):
    if level == 0:
        return target
    base = mod.name.split('.')
    if not mod.is_pkg:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return '.'.join(base + ([target] if target else []))


class Extractor:
    def __init__(self, root, env=None):
        self.root = root
        self.env = env or {}
        self.mods = index_modules(root)
        self.env_reads = set()
        self._defs = {}
        self.clean_docstrings = False
        for m in self.mods.values():
            self._scan_module(m)
        for m in self.mods.values():
            self._eval_consts(m)

    # ---- module tables -------------------------------------------------------------------------
    def _scan_module(self, m):
        for node in m.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                m.funcs[node.name] = node
            elif isinstance(node, ast.ClassDef):
                m.classes[node.name] = {n.name: n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        for node in ast.walk(m.tree):
            if isinstance(node, ast.ImportFrom):
                src = resolve_relative(m, node.level, node.module or '')
                for a in node.names:
                    m.imports[a.asname or a.name] = (src, a.name)
            elif isinstance(node, ast.Import):
                for a in node.names:
                    m.imports[a.asname or a.name.split('.')[0]] = (a.name, None)

    def _eval_consts(self, m):
        for node in m.tree.body:
            targets, value = [], None
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            for t in targets:
                if isinstance(t, ast.Name):
                    m.consts[t.id] = (value, m)  # evaluated lazily

    def lookup(self, m, name, depth=0):
        """The value of a module-level name (following imports inside the package)."""
        if depth > 8:
            return UNKNOWN
        if name in m.consts:
            v = m.consts[name]
            if isinstance(v, tuple):
                m.consts[name] = UNKNOWN  # guard against cycles
                v = self.eval(v[0], v[1], depth + 1)
                m.consts[name] = v
            return v
        if name in m.imports:
            src, attr = m.imports[name]
            target = self.mods.get(src)
            if target is not None and attr is not None:
                return self.lookup(target, attr, depth + 1)
        return UNKNOWN

    # ---- a tiny evaluator: constants, f-strings, env defaults -----------------------------------
    def env_call(self, call, m, depth):
        """os.getenv('X', d) / os.environ.get('X', d) / get_env_bool('X', d): the env value or its default."""
        f = call.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ''
        recv = ast.unparse(f.value) if isinstance(f, ast.Attribute) else ''
        is_env = name in ('getenv',) or (name in ('get', 'pop', 'setdefault') and recv.endswith('environ')) or ('env' in name.lower() and name != 'environ')
        if not is_env or not call.args:
            return None
        key = self.eval(call.args[0], m, depth + 1)
        if not isinstance(key, str) or not re.fullmatch(r'[A-Z][A-Z0-9_]*', key):
            return None
        self.env_reads.add(key)
        default = None
        if len(call.args) > 1:
            default = self.eval(call.args[1], m, depth + 1)
        for kw in call.keywords:
            if kw.arg == 'default':
                default = self.eval(kw.value, m, depth + 1)
        if key in self.env:
            raw = self.env[key]
            if isinstance(default, bool) or 'bool' in name.lower():
                return raw.lower() in ('1', 'true', 'yes', 'on')
            return raw
        return default

    def eval(self, node, m, depth=0):
        if depth > 30 or node is None:
            return UNKNOWN
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.lookup(m, node.id, depth + 1)
        if isinstance(node, ast.JoinedStr):
            out = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    out.append(str(v.value))
                else:
                    x = self.eval(v.value, m, depth + 1)
                    if x is UNKNOWN:
                        out.append('{' + ast.unparse(v.value) + '}')
                    else:
                        out.append(str(x) if v.conversion != 114 else repr(x))
            return ''.join(out)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            a, b = self.eval(node.left, m, depth + 1), self.eval(node.right, m, depth + 1)
            if isinstance(a, str) and isinstance(b, str):
                return a + b
            return UNKNOWN
        if isinstance(node, ast.IfExp):
            t = self.eval(node.test, m, depth + 1)
            if t is UNKNOWN:
                t = False
            return self.eval(node.body if t else node.orelse, m, depth + 1)
        if isinstance(node, ast.BoolOp):
            vals = [self.eval(v, m, depth + 1) for v in node.values]
            if any(v is UNKNOWN for v in vals):
                return UNKNOWN
            if isinstance(node.op, ast.And):
                r = True
                for v in vals:
                    r = v
                    if not v:
                        return v
                return r
            for v in vals:
                if v:
                    return v
            return vals[-1]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            v = self.eval(node.operand, m, depth + 1)
            return UNKNOWN if v is UNKNOWN else (not v)
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            a, b = self.eval(node.left, m, depth + 1), self.eval(node.comparators[0], m, depth + 1)
            if a is UNKNOWN or b is UNKNOWN:
                return UNKNOWN
            op = node.ops[0]
            try:
                if isinstance(op, ast.Eq):
                    return a == b
                if isinstance(op, ast.NotEq):
                    return a != b
                if isinstance(op, ast.In):
                    return a in b
                if isinstance(op, ast.NotIn):
                    return a not in b
                if isinstance(op, ast.Is):
                    return a is b
                if isinstance(op, ast.IsNot):
                    return a is not b
            except TypeError:
                return UNKNOWN
            return UNKNOWN
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            vals = [self.eval(e, m, depth + 1) for e in node.elts]
            return UNKNOWN if any(v is UNKNOWN for v in vals) else (list(vals) if isinstance(node, ast.List) else tuple(vals))
        if isinstance(node, ast.Call):
            v = self.env_call(node, m, depth)
            if v is not None:
                return v
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr in ('lower', 'upper', 'strip') and not node.args:
                base = self.eval(f.value, m, depth + 1)
                return getattr(base, f.attr)() if isinstance(base, str) else UNKNOWN
            if isinstance(f, ast.Name) and f.id in ('bool', 'str', 'int') and len(node.args) == 1:
                base = self.eval(node.args[0], m, depth + 1)
                if base is UNKNOWN:
                    return UNKNOWN
                try:
                    return {'bool': bool, 'str': str, 'int': int}[f.id](base)
                except (TypeError, ValueError):
                    return UNKNOWN
            if isinstance(f, ast.Attribute) and f.attr == 'join' and len(node.args) == 1:
                sep = self.eval(f.value, m, depth + 1)
                items = self.eval(node.args[0], m, depth + 1)
                if isinstance(sep, str) and isinstance(items, (list, tuple)) and all(isinstance(i, str) for i in items):
                    return sep.join(items)
            return UNKNOWN
        if isinstance(node, ast.Subscript):
            base = ast.unparse(node.value)
            if base.endswith('environ'):
                key = self.eval(node.slice, m, depth + 1)
                if isinstance(key, str):
                    self.env_reads.add(key)
                    return self.env.get(key, UNKNOWN)
            return UNKNOWN
        return UNKNOWN

    # ---- reachability --------------------------------------------------------------------------
    def reachable(self, entry):
        seen, todo = [], [entry]
        while todo:
            name = todo.pop()
            if name in seen or name not in self.mods:
                continue
            seen.append(name)
            m = self.mods[name]
            parts = name.split('.')
            for i in range(1, len(parts)):
                parent = '.'.join(parts[:i])
                if parent in self.mods:
                    todo.append(parent)
            for imp in self.live_imports(m):
                todo.append(imp)
        return seen

    def live_stmts(self, body, m):
        """Statements of `body` (recursively), skipping `if` branches the env defaults rule out."""
        for st in body:
            yield st
            if isinstance(st, ast.If):
                t = self.eval(st.test, m)
                if t is UNKNOWN or t:
                    yield from self.live_stmts(st.body, m)
                if t is UNKNOWN or not t:
                    yield from self.live_stmts(st.orelse, m)
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef, ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
                yield from self.live_stmts(st.body, m)
            elif isinstance(st, ast.Try):
                yield from self.live_stmts(st.body, m)
                for h in st.handlers:
                    yield from self.live_stmts(h.body, m)
                yield from self.live_stmts(st.orelse, m)
                yield from self.live_stmts(st.finalbody, m)
            elif isinstance(st, ast.ClassDef):
                yield from self.live_stmts(st.body, m)

    def live_imports(self, m):
        for st in self.live_stmts(m.tree.body, m):
            if isinstance(st, ast.ImportFrom):
                src = resolve_relative(m, st.level, st.module or '')
                yield src
                for a in st.names:
                    if f'{src}.{a.name}' in self.mods:
                        yield f'{src}.{a.name}'
            elif isinstance(st, ast.Import):
                for a in st.names:
                    yield a.name

    # ---- argparse ------------------------------------------------------------------------------
    def flags(self, m, func=None):
        """Flags of the console script's own argparse: its module, plus functions its entry function
        calls that live in other package modules (`from .cli import parse_args`)."""
        scopes = [m.tree]
        entry = m.funcs.get(func) if func else None
        if entry is not None:
            for node in ast.walk(entry):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id not in m.funcs:
                    fn, fm = self.find_function(m, node.func, None)
                    if fn is not None and fm is not m:
                        scopes.append(fn)
        flags, rejects, parses = [], False, False
        for scope in scopes:
            for node in ast.walk(scope):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                if node.func.attr == 'add_argument':
                    names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.startswith('-')]
                    boolopt = any(kw.arg == 'action' and ast.unparse(kw.value).endswith('BooleanOptionalAction') for kw in node.keywords)
                    for n in names:
                        flags.append(n)
                        if boolopt and n.startswith('--'):
                            flags.append('--no-' + n[2:])
                elif node.func.attr == 'parse_args':
                    parses, rejects = True, True
                elif node.func.attr == 'parse_known_args':
                    parses = True
        return sorted(set(flags)), (rejects if parses else False), parses

    # ---- tools ---------------------------------------------------------------------------------
    def find_function(self, m, node, cls):
        """The FunctionDef a registration names: `fn`, `self.fn`, `module.fn`, or an imported fn."""
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == 'self' and cls is not None:
            fn = cls.get(node.attr)
            return (fn, m) if fn else (None, m)
        if isinstance(node, ast.Name):
            if node.id in m.funcs:
                return m.funcs[node.id], m
            if node.id in m.imports:
                src, attr = m.imports[node.id]
                t = self.mods.get(src)
                if t is not None and attr in t.funcs:
                    return t.funcs[attr], t
                if t is not None and attr in t.imports:
                    return self.find_function(t, ast.Name(id=attr), None)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in m.imports:
            src, attr = m.imports[node.value.id]
            t = self.mods.get(f'{src}.{attr}' if attr else src)
            if t is not None and node.attr in t.funcs:
                return t.funcs[node.attr], t
        return None, m

    def tools(self, modules):
        out = []
        for name in modules:
            m = self.mods[name]
            self._tools_in(m, m.tree.body, None, out)
        return out

    def _tools_in(self, m, body, cls, out):
        for st in body:
            if isinstance(st, ast.If):
                t = self.eval(st.test, m)
                if t is UNKNOWN or t:
                    self._tools_in(m, st.body, cls, out)
                if t is UNKNOWN or not t:
                    self._tools_in(m, st.orelse, cls, out)
                continue
            if isinstance(st, ast.ClassDef):
                methods = {n.name: n for n in st.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
                self._tools_in(m, st.body, methods, out)
                continue
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in st.decorator_list:
                    reg = self._registration(d)
                    if reg is not None:
                        out.append(self._tool(m, st, reg, m))
                self._tools_in(m, st.body, cls, out)
                continue
            if isinstance(st, (ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
                self._tools_in(m, st.body, cls, out)
                continue
            if isinstance(st, ast.Try):
                self._tools_in(m, st.body, cls, out)
                continue
            for node in ast.walk(st) if isinstance(st, (ast.Expr, ast.Assign)) else []:
                # mcp.tool(...)(fn)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Call):
                    reg = self._registration(node.func)
                    if reg is not None and node.args:
                        fn, fm = self.find_function(m, node.args[0], cls)
                        if fn is not None:
                            out.append(self._tool(m, fn, reg, fm))
                # mcp.add_tool(fn, name=..., description=...)
                elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == 'add_tool' and node.args:
                    fn, fm = self.find_function(m, node.args[0], cls)
                    if fn is not None:
                        out.append(self._tool(m, fn, node, fm))

    @staticmethod
    def _registration(d):
        """`@x.tool`, `@x.tool()`, `@x.tool(name=..., description=...)`: the call (or a bare marker)."""
        if isinstance(d, ast.Attribute) and d.attr == 'tool':
            return ast.Call(func=d, args=[], keywords=[])
        if isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == 'tool':
            return d
        return None

    def _tool(self, m, fn, reg, fm):
        kw = {k.arg: k.value for k in reg.keywords if k.arg}
        name = fn.name
        if 'name' in kw:
            v = self.eval(kw['name'], m)
            if isinstance(v, str):
                name = v
        elif reg.args:
            v = self.eval(reg.args[0], m)
            if isinstance(v, str):
                name = v
        description = None
        source = 'docstring'
        if 'description' in kw:
            v = self.eval(kw['description'], m)
            if isinstance(v, str) and v:
                description, source = v, 'description='
        framework = self.framework_of(m)
        if description is None:
            # mcp 1.x FastMCP sends fn.__doc__ as written; the fastmcp package cleans it (inspect.getdoc)
            description = ast.get_docstring(fn, clean=framework == 'fastmcp') or ''
        schema = self.input_schema(fn, fm)
        return {
            'name': name,
            'function': f'{fm.name}.{fn.name}',
            'framework': framework,
            'descriptionSource': source,
            'description': description,
            'inputSchema': fastmcp_schema(schema) if framework == 'fastmcp' else schema,
        }

    def framework_of(self, m):
        """Which FastMCP registers the module's tools: the `fastmcp` package or mcp 1.x (`mcp.server.fastmcp`).

        Decided by the module's own import of FastMCP, else by the package (every FastMCP import in it).
        """
        imp = m.imports.get('FastMCP')
        if imp:
            return 'fastmcp' if imp[0].split('.')[0] == 'fastmcp' else 'mcp'
        return self.clean_docstrings and 'fastmcp' or self.package_framework

    @property
    def package_framework(self):
        kinds = {('fastmcp' if src.split('.')[0] == 'fastmcp' else 'mcp') for mod in self.mods.values() for name, (src, _) in mod.imports.items() if name == 'FastMCP'}
        return 'fastmcp' if kinds == {'fastmcp'} else 'mcp'

    # ---- input schema, as pydantic 2 writes it for FastMCP's arguments model -------------------
    def type_schema(self, ann, m, depth=0):
        if ann is None or depth > 6:
            return {}
        if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
            try:
                ann = ast.parse(ann.value, mode='eval').body
            except SyntaxError:
                return {}
        if isinstance(ann, ast.Constant) and ann.value is None:
            return {'type': 'null'}
        if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
            parts = self._union_parts(ann)
            return self._union([self.type_schema(p, m, depth + 1) for p in parts])
        if isinstance(ann, ast.Name) or isinstance(ann, ast.Attribute):
            n = ann.id if isinstance(ann, ast.Name) else ann.attr
            simple = {'str': 'string', 'int': 'integer', 'float': 'number', 'bool': 'boolean', 'bytes': 'string'}
            if n in simple:
                return {'type': simple[n]}
            if n in ('dict', 'Dict'):
                return {'additionalProperties': True, 'type': 'object'}
            if n in ('list', 'List', 'Sequence'):
                return {'items': {}, 'type': 'array'}
            if n in ('Any', 'object'):
                return {}
            if n in ('datetime',):
                return {'format': 'date-time', 'type': 'string'}
            return self.model_ref(n, m, depth)
        if isinstance(ann, ast.Subscript):
            base = ann.value.id if isinstance(ann.value, ast.Name) else ann.value.attr if isinstance(ann.value, ast.Attribute) else ''
            args = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            if base == 'Optional':
                return self._union([self.type_schema(args[0], m, depth + 1), {'type': 'null'}])
            if base == 'Union':
                return self._union([self.type_schema(a, m, depth + 1) for a in args])
            if base in ('list', 'List', 'Sequence', 'set', 'Set', 'tuple', 'Tuple'):
                return {'items': self.type_schema(args[0], m, depth + 1), 'type': 'array'}
            if base in ('dict', 'Dict'):
                return {'additionalProperties': self.type_schema(args[1], m, depth + 1) if len(args) > 1 else True, 'type': 'object'}
            if base == 'Literal':
                vals = [self.eval(a, m) for a in args]
                vals = [v for v in vals if v is not UNKNOWN]
                t = 'string' if all(isinstance(v, str) for v in vals) else 'integer' if all(isinstance(v, int) for v in vals) else None
                return {'enum': vals, **({'type': t} if t else {})}
            if base == 'Annotated':
                return self.type_schema(args[0], m, depth + 1)
        return {}

    def find_class(self, m, name, depth=0):
        for cm in [m]:
            for node in cm.tree.body:
                if isinstance(node, ast.ClassDef) and node.name == name:
                    return node, cm
        if name in m.imports and depth < 6:
            src, attr = m.imports[name]
            t = self.mods.get(src)
            if t is not None and attr:
                return self.find_class(t, attr, depth + 1)
        return None, m

    def model_ref(self, name, m, depth):
        """A pydantic model or Enum class of the package: `$ref` plus its schema in the current `$defs`."""
        cls, cm = self.find_class(m, name)
        if cls is None:
            return {}
        ref = {'$ref': f'#/$defs/{name}'}
        if name in self._defs:
            return ref
        bases = [ast.unparse(b) for b in cls.bases]
        self._defs[name] = {}
        if any(b.split('.')[-1] in ('Enum', 'StrEnum', 'IntEnum') or 'Enum' in b for b in bases):
            vals = []
            for st in cls.body:
                if isinstance(st, ast.Assign):
                    v = self.eval(st.value, cm)
                    if v is not UNKNOWN:
                        vals.append(v)
            d = {}
            doc = ast.get_docstring(cls)
            if doc:
                d['description'] = doc
            d['enum'] = vals
            d['title'] = name
            if vals and all(isinstance(v, str) for v in vals):
                d['type'] = 'string'
            self._defs[name] = d
            return ref
        props, required = {}, []
        for st in cls.body:
            if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                fname = st.target.id
                if fname.startswith('_') or ast.unparse(st.annotation).startswith('ClassVar'):
                    continue
                props[fname], req = self.param_schema(fname, st.annotation, st.value, cm)
                if req:
                    required.append(fname)
        d = {}
        doc = ast.get_docstring(cls)
        if doc:
            d['description'] = doc
        d['properties'] = props
        if required:
            d['required'] = required
        d['title'] = name
        d['type'] = 'object'
        self._defs[name] = d
        return ref

    @staticmethod
    def _union_parts(node):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            return Extractor._union_parts(node.left) + Extractor._union_parts(node.right)
        return [node]

    @staticmethod
    def _union(schemas):
        return schemas[0] if len(schemas) == 1 else {'anyOf': schemas}

    def _field(self, node, m):
        """Field(...) / pydantic.Field(...): (has_default, default, description, extra)."""
        if not (isinstance(node, ast.Call) and (ast.unparse(node.func).split('.')[-1] == 'Field')):
            return None
        default, has_default = None, False
        if node.args:
            a = node.args[0]
            if not (isinstance(a, ast.Constant) and a.value is Ellipsis):
                has_default, default = True, self.eval(a, m)
        info = {}
        for k in node.keywords:
            if k.arg == 'default':
                has_default, default = True, self.eval(k.value, m)
            elif k.arg == 'default_factory':
                has_default, default = True, UNKNOWN
            elif k.arg == 'description':
                v = self.eval(k.value, m)
                if isinstance(v, str):
                    info['description'] = v
            elif k.arg == 'title':
                v = self.eval(k.value, m)
                if isinstance(v, str):
                    info['title'] = v
            elif k.arg in ('ge', 'le', 'gt', 'lt', 'min_length', 'max_length'):
                v = self.eval(k.value, m)
                key = {'ge': 'minimum', 'le': 'maximum', 'gt': 'exclusiveMinimum', 'lt': 'exclusiveMaximum', 'min_length': 'minLength', 'max_length': 'maxLength'}[k.arg]
                if v is not UNKNOWN:
                    info[key] = v
            elif k.arg == 'examples':
                v = self.eval(k.value, m)
                if v is not UNKNOWN:
                    info['examples'] = v
        return has_default, default, info

    def param_schema(self, pname, ann, default, m):
        info, has_default, dval = {}, default is not None, None
        if default is not None:
            f = self._field(default, m)
            if f is not None:
                has_default, dval, info = f
            else:
                dval = self.eval(default, m)
        if isinstance(ann, ast.Subscript) and ast.unparse(ann.value).endswith('Annotated'):
            elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
            for meta in elts[1:]:
                f = self._field(meta, m)
                if f is not None:
                    if f[0] and not has_default:
                        has_default, dval = True, f[1]
                    info = {**f[2], **info}
        schema = dict(self.type_schema(ann, m))
        if has_default and dval is not UNKNOWN:
            try:
                json.dumps(dval)
                schema['default'] = dval
            except TypeError:
                pass
        schema.update({k: v for k, v in info.items() if k != 'title'})
        schema['title'] = info.get('title') or pname.replace('_', ' ').title()
        return dict(sorted(schema.items())), not has_default

    def input_schema(self, fn, m):
        self._defs = {}
        props, required = {}, []
        args = fn.args
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        params = list(zip(positional, defaults)) + list(zip(args.kwonlyargs, args.kw_defaults))
        for arg, default in params:
            if arg.arg in ('self', 'cls'):
                continue
            ann = arg.annotation
            ann_text = ast.unparse(ann) if ann is not None else ''
            if re.search(r'\bContext\b', ann_text) and 'Annotated' not in ann_text:
                continue  # FastMCP injects the Context parameter; it is not in the schema
            props[arg.arg], req = self.param_schema(arg.arg, ann, default, m)
            if req:
                required.append(arg.arg)
        out = {}
        if self._defs:
            out['$defs'] = dict(sorted(self._defs.items()))
        out['properties'] = props
        if required:
            out['required'] = required
        out['title'] = f'{fn.name}Arguments'
        out['type'] = 'object'
        return out

    # ---- instructions, transport ---------------------------------------------------------------
    def server_objects(self, modules):
        """FastMCP(...) constructions: instructions, and the transport passed to run()."""
        instructions, transports = [], set()
        for name in modules:
            m = self.mods[name]
            for node in ast.walk(m.tree):
                if isinstance(node, ast.Call) and ast.unparse(node.func).split('.')[-1] == 'FastMCP':
                    for k in node.keywords:
                        if k.arg == 'instructions':
                            v = self.eval(k.value, m)
                            if isinstance(v, str):
                                instructions.append(v)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ('run', 'run_async'):
                    for k in node.keywords:
                        if k.arg == 'transport':
                            v = self.eval(k.value, m)
                            if isinstance(v, str):
                                transports.add(v)
                    if not node.keywords and not node.args and ast.unparse(node.func.value) in ('mcp', 'server', 'app'):
                        transports.add('stdio')
        return instructions, sorted(transports)


DEPRECATION = re.compile(r'(deprecat|supersede|end of development|no longer receive updates)', re.I)


NOTICE_IN_TOOL = re.compile(r'(DEPRECATION NOTICE|end of development|this (mcp )?server is (deprecated|superseded))', re.I)


def notices(texts):
    """Deprecation / supersession notices: the README's opening lines, the instructions, tool descriptions."""
    out = []
    for where, text in texts:
        lines = text.splitlines()[:25] if where == 'README' else text.splitlines()
        pattern = DEPRECATION if where in ('README', 'instructions') else NOTICE_IN_TOOL
        for line in lines:
            if not pattern.search(line):
                continue
            if 'SUPPRESS_DEPRECATION' not in line and not line.lstrip().startswith('|'):
                s = re.sub(r'\s+', ' ', line).strip().lstrip('>').strip()
                if (where, s) not in out:
                    out.append((where, s))
                break
    return [{'where': w, 'text': t[:400]} for w, t in out]


def prints_to_stdout(m):
    """print() without file= in the entry module: text on stdout can corrupt the stdio JSON-RPC stream."""
    for node in ast.walk(m.tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'print':
            if not any(k.arg == 'file' for k in node.keywords):
                return True
    return False


def fastmcp_schema(schema):
    """The input schema as the `fastmcp` package (>= 2.13; the servers pin >= 3.2) sends it: pydantic's
    function schema (`additionalProperties: false` at the top, no model title), titles pruned
    (`compress_schema(prune_titles=True)`, fastmcp/tools/function_parsing.py) and `$ref`s inlined
    (the default `DereferenceMiddleware`, fastmcp/server/middleware/dereference.py)."""
    defs = schema.get('$defs', {})

    def walk(node, in_props, depth=0):
        if isinstance(node, list):
            return [walk(x, False, depth) for x in node]
        if not isinstance(node, dict):
            return node
        if '$ref' in node and depth < 8:
            target = defs.get(node['$ref'].split('/')[-1])
            if target is not None:
                merged = {**target, **{k: v for k, v in node.items() if k != '$ref'}}
                return walk(merged, False, depth + 1)
        out = {}
        for k, v in node.items():
            if k == '$defs':
                continue
            if k == 'title' and not in_props and isinstance(v, str):
                continue
            out[k] = walk(v, k == 'properties', depth)
        return out

    out = walk(schema, False)
    out['additionalProperties'] = False
    return out


def runtime_of(deps):
    names = {re.split(r'[\[<>=!~ ;]', d, maxsplit=1)[0].lower(): d for d in deps}
    r = {'language': 'python'}
    for key in ('mcp', 'fastmcp', 'boto3', 'botocore', 'pydantic'):
        if key in names:
            r[key] = names[key]
    r['botocore'] = 'boto3' in names or 'botocore' in names
    return r


def extract(root, env=None):
    py = read_pyproject(root)
    proj = py.get('project', {})
    scripts = proj.get('scripts', {})
    ex = Extractor(root, env)
    deps = proj.get('dependencies', [])
    runtime = runtime_of(deps)
    # a package that depends on `fastmcp` only registers its tools with it
    ex.clean_docstrings = 'fastmcp' in runtime and 'mcp' not in runtime
    script_name, target = next(iter(scripts.items())) if scripts else (None, None)
    entry_mod = target.split(':')[0] if target else None
    modules = ex.reachable(entry_mod) if entry_mod in ex.mods else []
    flags, rejects, has_argparse = ex.flags(ex.mods[entry_mod], target.split(':')[1] if ':' in target else None) if entry_mod in ex.mods else ([], False, False)
    tools = ex.tools(modules)
    # dedupe by name (the last registration wins, as in FastMCP's tool manager: first one kept, warning logged)
    seen, unique = set(), []
    for t in tools:
        if t['name'] in seen:
            continue
        seen.add(t['name'])
        unique.append(t)
    instructions, transports = ex.server_objects(modules)
    # env reads anywhere in the package's reachable modules (evaluate every call once)
    for name in modules:
        m = ex.mods[name]
        for node in ast.walk(m.tree):
            if isinstance(node, ast.Call):
                ex.env_call(node, m, 0)
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith('environ'):
                k = ex.eval(node.slice, m)
                if isinstance(k, str):
                    ex.env_reads.add(k)
            elif isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)) and ast.unparse(node.comparators[0]).endswith('environ'):
                k = ex.eval(node.left, m)
                if isinstance(k, str):
                    ex.env_reads.add(k)
    readme = ''
    for fn in ('README.md', 'MIGRATION.md'):
        p = os.path.join(root, fn)
        if os.path.exists(p):
            with open(p, encoding='utf-8') as f:
                readme += f.read() + '\n'
    texts = [('README', readme)] + [('instructions', i) for i in instructions] + [(f'tool {t["name"]}', t['description']) for t in unique]
    return {
        'package': proj.get('name'),
        'version': proj.get('version'),
        'scripts': list(scripts.keys()),
        'script': script_name,
        'entryPoint': target,
        'flags': flags,
        'argparse': has_argparse,
        'rejectsUnknownFlags': rejects,
        'env': sorted(e for e in ex.env_reads if re.fullmatch(r'[A-Z][A-Z0-9_]*', e)),
        'tools': unique,
        'instructions': instructions[0] if instructions else None,
        'notices': notices(texts),
        'runtime': {**runtime, 'requiresPython': proj.get('requires-python')},
        'printsToStdout': prints_to_stdout(ex.mods[entry_mod]) if entry_mod in ex.mods else False,
        'transport': transports or ['stdio'],
        'modules': len(modules),
    }


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    env = {}
    args = argv[1:]
    root = None
    i = 0
    while i < len(args):
        if args[i] == '--env':
            k, _, v = args[i + 1].partition('=')
            env[k] = v
            i += 2
            continue
        root = args[i]
        i += 1
    if not root or not os.path.exists(os.path.join(root, 'pyproject.toml')):
        print(f'extract.py: {root}: no pyproject.toml (expected a server folder such as src/eks-mcp-server)', file=sys.stderr)
        return 2
    json.dump(extract(root, env), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
