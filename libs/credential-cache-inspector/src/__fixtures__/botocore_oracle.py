"""botocore as the oracle: for each home and profile, the provider botocore picks (Credentials.method)
or the exception it raises, with no process run and no network.

Input (stdin, JSON): [{"home": DIR, "profiles": [NAME, ...], "crt": false}, ...]
Output (stdout, JSON): [{NAME: {"method": "sso"} | {"error": "InvalidConfigError", "message": "..."}}, ...]

What is patched, and why (the answers are otherwise botocore's own):
- ProcessProvider._retrieve_credentials_using returns fixed keys: credential_process is never run.
- InstanceMetadataProvider / ContainerProvider .load return None: no network (and
  AWS_EC2_METADATA_DISABLED=true besides); a profile with nothing gives None, as on a laptop.
- CanonicalNameCredentialSourcer.source_credentials returns fixed keys for a supported
  credential_source: the platform (EC2, ECS, the environment) is assumed to provide them, as it
  does where such a profile is meant to run. Unsupported names still raise InvalidConfigError.
- crt=true sets botocore.credentials.EC to a stand-in, as if botocore[crt] were installed, so that
  the login provider reads its cache; crt=false leaves botocore as installed (no awscrt here).
Nothing returned by get_credentials() is used except its .method: SSO and assume-role credentials
are deferred and never fetched.
"""
import json
import os
import sys

for key in list(os.environ):
    if key.startswith("AWS_") or key in ("BOTO_CONFIG",):
        del os.environ[key]
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

import botocore.session  # noqa: E402
from botocore import credentials as bc  # noqa: E402


def _fixed_keys(*_args, **_kwargs):
    return {"access_key": "AKIDORACLE", "secret_key": "oracle", "token": None, "expiry_time": None}


bc.ProcessProvider._retrieve_credentials_using = lambda self, command: _fixed_keys()
bc.InstanceMetadataProvider.load = lambda self: None
bc.ContainerProvider.load = lambda self: None


def _source_credentials(self, source_name):
    return bc.Credentials("AKIDORACLE", "oracle", method=source_name)


bc.CanonicalNameCredentialSourcer.source_credentials = _source_credentials
REAL_EC = bc.EC


def resolve(home, names, crt):
    os.environ["HOME"] = home
    os.environ["AWS_CONFIG_FILE"] = os.path.join(home, ".aws", "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(home, ".aws", "credentials")
    bc.EC = object() if crt else REAL_EC
    out = {}
    # one session per home (its files read once); per profile, what Session(profile=NAME)
    # .get_credentials() does: create_credential_resolver with the profile set explicitly
    session = botocore.session.Session()
    for name in names:
        try:
            session.set_config_variable("profile", name)
            creds = bc.create_credential_resolver(session).load_credentials()
            out[name] = {"method": None if creds is None else creds.method}
        except Exception as e:  # the class is the answer
            out[name] = {"error": type(e).__name__, "message": str(e)}
    return out


def main():
    jobs = json.load(sys.stdin)
    print(json.dumps([resolve(j["home"], j["profiles"], j.get("crt", False)) for j in jobs]))


if __name__ == "__main__":
    main()
