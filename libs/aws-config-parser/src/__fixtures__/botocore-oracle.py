"""The oracle for botocore.differential.spec.ts: botocore itself reads every case under a folder.

Usage: python3 botocore-oracle.py DIR. Each DIR/<case>/ holds `config` and/or `credentials`; prints
one JSON object: case -> {config: {...}, credentials: {...}}, read with botocore's own
configloader.raw_config_parse and build_profile_map (what Session.full_config calls). No network.
"""
import json
import os
import sys

import botocore.exceptions
from botocore.configloader import build_profile_map, raw_config_parse


def read(path):
    try:
        return {'sections': raw_config_parse(path)}
    except botocore.exceptions.ConfigParseError as e:
        inner = e.kwargs.get('error')
        name = type(inner).__name__
        line = getattr(inner, 'lineno', None)
        if name == 'ParsingError':
            line = inner.errors[0][0]
        if name == 'ValueError':
            name = 'ConfigParseError'
        return {'fatal': {'exception': name, 'line': line}}


def main(root):
    out = {}
    for case in sorted(os.listdir(root)):
        result = {}
        config = os.path.join(root, case, 'config')
        if os.path.isfile(config):
            r = read(config)
            if 'fatal' in r:
                result['config'] = r
            else:
                m = build_profile_map(r['sections'])
                result['config'] = {'profiles': m['profiles'], 'ssoSessions': m['sso_sessions'], 'services': m['services']}
        credentials = os.path.join(root, case, 'credentials')
        if os.path.isfile(credentials):
            result['credentials'] = read(credentials)
        out[case] = result
    print(json.dumps(out))


if __name__ == '__main__':
    main(sys.argv[1])
