#!/usr/bin/env bash
# Installs moto's server (the local CloudWatch Logs emulator) into a project-local Python environment.
# Idempotent: a second run with the environment in place does nothing but check it.
set -euo pipefail
MOTO_VERSION="5.2.5"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/moto-venv"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import moto, sys; sys.exit(0 if moto.__version__ == '$MOTO_VERSION' else 1)" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
"$venv/bin/moto_server" --help >/dev/null
echo "moto $MOTO_VERSION installed in .tools/moto-venv"
