# Shared by scripts/serve and scripts/test: set-up, then the environment Debian's emcc needs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./emsdk-setup.sh
# Debian's emcc finds its node modules (acorn) only through NODE_PATH when node is not Debian's.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

step() { printf '\n==> %s\n' "$*"; }

build_web() {
  step "web build (Emscripten)"
  emcmake cmake --preset web >/dev/null
  cmake --build --preset web
}
