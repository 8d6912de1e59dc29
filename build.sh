#!/usr/bin/env bash
# AutoDnn's entry point on a fresh Debian 12 machine. Two commands matter:
#   ./build.sh run    install what is missing, build, run the main job
#   ./build.sh test   install what is missing, build, run every test project
# Also: ./build.sh build (just build), ./build.sh native (just the libtorch shim).
# Another libtorch (e.g. a CUDA one from a PyTorch install): AUTODNN_LIBTORCH=<prefix> or Torch_DIR=<dir>.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the build, the tests and the Python peers need (later issues append theirs here).
APT_PACKAGES=(
  libtorch-dev libopenblas0-openmp cmake g++ make   # the native shim and its BLAS
  python3-torch python3-optuna                       # fixtures and peers measured against
  python3-sklearn                                    # metric fixtures (and the digits dataset)
  dataset-fashion-mnist fortunes                     # real data for the built-in plugins
  postgresql                                         # trial storage tests start a throwaway PostgreSQL 15
  chromium                                           # the viewer's end-to-end tests (Playwright drives /usr/bin/chromium)
)

log() { printf '\033[1m[build.sh]\033[0m %s\n' "$*" >&2; }

ensure_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing: ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
    --no-install-recommends "${missing[@]}"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 && return 0
  log "the .NET 10 SDK is required (dotnet not on PATH); install it from https://dot.net and retry"
  exit 1
}

# Builds build/native/libautodnn_torch.so only when its sources or the chosen libtorch changed.
build_native() {
  local src="src/AutoDnn.Torch/Native" out="build/native"
  local torch="${AUTODNN_LIBTORCH:-}|${Torch_DIR:-}"
  local stamp
  stamp=$( (cat "$src"/*.cpp "$src"/*.h "$src"/CMakeLists.txt; echo "$torch") | sha256sum | cut -d' ' -f1)
  if [ -f "$out/libautodnn_torch.so" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
    log "native shim up to date"
    return 0
  fi
  # A different libtorch needs a fresh CMake cache.
  [ "$(cat "$out/.torch" 2>/dev/null)" = "$torch" ] || rm -rf "$out"
  mkdir -p "$out"
  local args=(-DCMAKE_BUILD_TYPE=Release)
  [ -n "${AUTODNN_LIBTORCH:-}" ] && args+=("-DCMAKE_PREFIX_PATH=$AUTODNN_LIBTORCH")
  [ -n "${Torch_DIR:-}" ] && args+=("-DTorch_DIR=$Torch_DIR")
  log "building the native shim (cmake ${args[*]})"
  cmake -S "$src" -B "$out" "${args[@]}" >/dev/null
  cmake --build "$out" -j "$(nproc)"
  echo "$torch" > "$out/.torch"
  echo "$stamp" > "$out/.stamp"
}

# The viewer's charts: plotly.js-dist-min from npm, into a git-ignored folder that the web project copies next to the app.
# npm comes from Debian's `npm` package only when no npm is on PATH (NodeSource's nodejs ships its own and conflicts with it).
ensure_plotly() {
  local dir="web/AutoDnn.Web/vendor" version="4.1.2"
  local manifest="$dir/node_modules/plotly.js-dist-min/package.json"
  if [ -f "$manifest" ] && grep -q "\"version\": \"$version\"" "$manifest"; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends npm
  fi
  log "installing plotly.js-dist-min $version from npm into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "plotly.js-dist-min@$version" >/dev/null
}

build_dotnet() {
  log "building the solution (Release)"
  dotnet build AutoDnn.sln -c Release -nologo -v q -clp:ErrorsOnly
}

build_all() {
  ensure_packages
  ensure_dotnet
  build_native
  ensure_plotly
  build_dotnet
}

autodnn() { dotnet "$root/src/AutoDnn.Cli/bin/Release/net10.0/autodnn.dll" "$@"; }

case "${1:-}" in
  run)
    build_all
    shift
    # The main job: the quickstart search campaign on the embedded SQLite default (./autodnn.db), resumed if it exists;
    # it ends by printing the best trial, its test-split score and how to open the viewer.
    if [ $# -eq 0 ]; then set -- experiments/quickstart.yaml; fi
    autodnn run "$@"
    ;;
  test)
    build_all
    shift
    log "running every test project"
    dotnet test AutoDnn.sln -c Release --no-build -nologo "$@"
    ;;
  build) build_all ;;
  native) build_native ;;
  *)
    echo "usage: ./build.sh run|test|build|native" >&2
    exit 2
    ;;
esac
