#!/usr/bin/env bash
# One-time, idempotent set-up of everything the builds and tests need:
# Emscripten, header-only libraries, Dear ImGui 1.86 source, a font, Chromium and npm packages.
# Third-party material lands in ignored folders (third_party/, node_modules/); nothing is committed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
third="$root/third_party"
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

version_at_least() { # version_at_least 3.1.6 3.1.10 -> true when $2 >= $1
  [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$1" ]
}

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

debian_packages=(emscripten nlohmann-json3-dev doctest-dev libfast-float-dev fonts-dejavu-core
                 chromium dpkg-dev ninja-build cmake clang libclang-rt-14-dev)

install_debian_packages() {
  local missing=()
  for p in "${debian_packages[@]}"; do
    [ -n "$p" ] || continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then say "Debian packages present"; return; fi
  say "installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

enable_deb_src() {
  local sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ] && grep -q '^Types: deb$' "$sources"; then
    say "enabling deb-src in $sources"
    sudo_if_needed sed -i 's/^Types: deb$/Types: deb deb-src/' "$sources"
    sudo_if_needed apt-get update -qq
  fi
}

fetch_imgui_debian() {
  [ -f "$third/imgui/imgui.cpp" ] && { say "Dear ImGui source present"; return; }
  enable_deb_src
  say "fetching Dear ImGui 1.86 source with apt-get source imgui"
  local tmp; tmp="$(mktemp -d)"; chmod a+rwx "$tmp"  # apt downloads as user _apt
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --no-check ./*.dsc src >/dev/null) \
    || die "apt-get source imgui failed (is deb-src enabled and reachable?)"
  grep -q 'IMGUI_VERSION *"1.86' "$tmp/src/imgui.h" || die "unexpected Dear ImGui version in the source package"
  mkdir -p "$third" && rm -rf "$third/imgui" && mv "$tmp/src" "$third/imgui" && rm -rf "$tmp"
}

fetch_imgui_git() {
  [ -f "$third/imgui/imgui.cpp" ] && return
  say "cloning Dear ImGui v1.86 (emsdk route)"
  git clone -q --depth 1 --branch v1.86 https://github.com/ocornut/imgui.git "$third/imgui"
}

stage_headers() {
  # Only these folders go on the wasm include path: /usr/include itself would leak glibc headers.
  local inc="$third/include"
  mkdir -p "$inc"
  for lib in nlohmann doctest fast_float; do
    [ -d "/usr/include/$lib" ] || die "/usr/include/$lib missing"
    # Copied again only when they differ: a fresh copy's new times would rebuild every object.
    diff -rq "/usr/include/$lib" "$inc/$lib" >/dev/null 2>&1 && continue
    rm -rf "${inc:?}/$lib" && cp -a "/usr/include/$lib" "$inc/$lib"
  done
  say "staged headers into third_party/include"
}

stage_font() {
  local fonts="$third/fonts"
  mkdir -p "$fonts"
  local f
  grep -v '^#' "$root/assets/fonts.txt" | while read -r f; do
    [ -n "$f" ] || continue
    [ -f "/usr/share/fonts/truetype/dejavu/$f" ] || die "font $f missing (fonts-dejavu-core)"
    cp -u "/usr/share/fonts/truetype/dejavu/$f" "$fonts/$f"
  done
  say "staged the fonts listed in assets/fonts.txt"
}

install_npm_packages() {
  if [ -d "$root/node_modules/playwright-core" ] && [ "$root/node_modules/.package-lock.json" -nt "$root/package-lock.json" ]; then
    say "npm packages present"; return
  fi
  say "installing npm packages (npm ci)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
}

emcc_version() { emcc --version 2>/dev/null | head -n1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1; }

main() {
  local have=""
  command -v emcc >/dev/null 2>&1 && have="$(NODE_PATH=/usr/share/nodejs emcc_version || true)"
  if [ -n "$have" ] && version_at_least 3.1.6 "$have"; then
    say "using emcc $have already on PATH"
    debian_packages=("${debian_packages[@]/emscripten}")
  fi
  if [ -r /etc/debian_version ] && command -v apt-get >/dev/null; then
    install_debian_packages
    fetch_imgui_debian
  elif [ -n "$have" ] && version_at_least 3.1.6 "$have"; then
    say "not Debian: Chromium, Node and the nlohmann/doctest/fast_float headers must be installed by hand"
    fetch_imgui_git
  else
    die "no emcc >= 3.1.6 on PATH and no apt-get: install emsdk (see README, 'Other systems')"
  fi
  have="$(NODE_PATH=/usr/share/nodejs emcc_version || true)"
  [ -n "$have" ] && version_at_least 3.1.6 "$have" || die "emcc >= 3.1.6 not found after set-up (got '${have:-none}')"
  say "emcc $have"
  stage_headers
  stage_font
  command -v node >/dev/null || die "node is required"
  install_npm_packages
  say "done"
}

main "$@"
