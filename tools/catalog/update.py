#!/usr/bin/env python3
"""Regenerate the catalog facts from an awslabs/mcp git repository, each server read at the release tag
that set its pinned version.

    python3 tools/catalog/update.py --repo github.com/awslabs/mcp=<.git dir> \
        --repo github.com/aws/mcp-proxy-for-aws=<.git dir> [--pins pins.json] [--out facts.json]
    node tools/catalog/generate.js          # then: facts.generated.ts from the JSON

For each pin in tools/catalog/pins.json: the first tag (by date) whose <path>/pyproject.toml carries the
pinned version, `git archive` of <path> at that tag into a temp folder, extract.py on it. Output:
libs/starter-kits/src/catalog/facts.generated.json (checked in). Needs git; no network.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from extract import extract  # noqa: E402


def git(gitdir, *args, input=None):
    r = subprocess.run(['git', '--git-dir', gitdir, *args], input=input, capture_output=True, check=True)
    return r.stdout


def batch_read(gitdir, specs):
    out = git(gitdir, 'cat-file', '--batch', input=''.join(s + '\n' for s in specs).encode())
    res, i = [], 0
    while i < len(out):
        nl = out.index(b'\n', i)
        hdr = out[i:nl].decode()
        i = nl + 1
        if hdr.endswith('missing'):
            res.append(None)
            continue
        size = int(hdr.split()[2])
        res.append(out[i:i + size].decode('utf-8', 'replace'))
        i += size + 1
    return res


def release_tag(gitdir, tags, path, version):
    texts = batch_read(gitdir, [f'{t}:{path}/pyproject.toml' for t in tags])
    for t, text in zip(tags, texts):
        m = text and re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
        if m and m.group(1) == version:
            return t
    return None


def main(argv):
    repos, pins_file = {}, os.path.join(HERE, 'pins.json')
    out_file = os.path.join(ROOT, 'libs/starter-kits/src/catalog/facts.generated.json')
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a == '--repo' and args:
            name, _, gitdir = args.pop(0).partition('=')
            repos[name] = gitdir
        elif a == '--pins' and args:
            pins_file = args.pop(0)
        elif a == '--out' and args:
            out_file = args.pop(0)
        else:
            print(__doc__, file=sys.stderr)
            return 2
    with open(pins_file) as f:
        pins = json.load(f)
    servers, tag_lists = [], {}
    for pin in pins['pins']:
        gitdir = repos.get(pin['repository'])
        if gitdir is None:
            print(f"update.py: no --repo {pin['repository']}=<.git dir> for {pin['package']}", file=sys.stderr)
            return 2
        if gitdir not in tag_lists:
            tag_lists[gitdir] = git(gitdir, 'tag', '--sort=creatordate').decode().split()
        tags = tag_lists[gitdir]
        tag = release_tag(gitdir, tags, pin['path'], pin['version'])
        if tag is None:
            print(f"update.py: no tag sets {pin['package']} to {pin['version']} ({pin['path']}/pyproject.toml)", file=sys.stderr)
            return 1
        commit = git(gitdir, 'rev-list', '-n', '1', tag).decode().strip()
        with tempfile.TemporaryDirectory() as tmp:
            archive = git(gitdir, 'archive', tag, pin['path'])
            subprocess.run(['tar', '-x', '-C', tmp], input=archive, check=True)
            facts = extract(os.path.join(tmp, pin['path']), pin.get('env'))
        if facts['version'] != pin['version']:
            print(f"update.py: {pin['package']} at {tag} is {facts['version']}, pinned {pin['version']}", file=sys.stderr)
            return 1
        servers.append({'repository': pin['repository'], 'tag': tag, 'commit': commit, 'path': pin['path'], **facts})
        print(f"{pin['package']}=={pin['version']} at {tag}: {len(facts['tools'])} tools, flags {facts['flags']}", file=sys.stderr)
    with open(out_file, 'w') as f:
        json.dump({'source': sorted(set(p['repository'] for p in pins['pins'])), 'method': 'tools/catalog/extract.py (ast) at the release tag that set each pinned version', 'servers': servers}, f, indent=1, ensure_ascii=False)
        f.write('\n')
    print(f'wrote {os.path.relpath(out_file, ROOT)}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
