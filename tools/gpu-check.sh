#!/bin/bash
# Carry-in needed under .gpu/: dotnet.tar.xz (the .NET host + Microsoft.NETCore.App + Microsoft.AspNetCore.App shared
# frameworks), app.tar.xz (src/AutoDnn.Cli/bin/Release/net10.0 without its own libautodnn_torch.so), digits.csv.gz and
# fortunes/{computers,food,law,science,startrek}; run from the repository root on a machine with PyTorch + CUDA.
# GPU check: build the shim against the machine's CUDA libtorch (PyTorch's), then run autodnn on cuda:0.
set -o pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
ROOT=$PWD
exec > >(tee "$OUT/check.log") 2>&1
date; nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
python3 -c 'import torch;print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())'
mkdir -p /tmp/dn /tmp/app && tar -C /tmp/dn -xJf .gpu/dotnet.tar.xz && tar -C /tmp/app -xJf .gpu/app.tar.xz
PREFIX=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
TORCHLIB=$(python3 -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')
echo "== shim against $PREFIX"
t0=$(date +%s)
cmake -S src/AutoDnn.Torch/Native -B /tmp/native -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$PREFIX" > "$OUT/cmake.log" 2>&1 \
  && cmake --build /tmp/native -j 16 >> "$OUT/cmake.log" 2>&1
rc=$?; echo "shim build rc=$rc in $(( $(date +%s) - t0 )) s"
if [ $rc -ne 0 ]; then grep -n -E "error|Error|CMake Error" "$OUT/cmake.log" | head -60; exit 1; fi
cp /tmp/native/libautodnn_torch.so /tmp/app/
export LD_LIBRARY_PATH="$TORCHLIB" DOTNET_ROOT=/tmp/dn
A() { /tmp/dn/dotnet /tmp/app/autodnn.dll "$@"; }
echo "== info"; A info
mkdir -p /tmp/c && cd /tmp/c
DB=sqlite:////tmp/c/gpu.db
for dev in cuda:0 cpu; do
  name=digits-${dev/:/}
  cat > $name.yaml <<YAML
name: $name
storage: $DB
seed: 3
task: {dataset: {name: sklearn-digits, options: {path: "$ROOT/.gpu/digits.csv.gz"}}, architecture: simple-cnn}
training: {epochs: 8}
space: {simple-cnn.blocks: 2, simple-cnn.width: 32, train.batch_size: 64}
sampler: {name: random}
cv: {kind: stratified, folds: 3}
objective: {metric: accuracy}
budget: {trials: 4}
resources: {devices: [$dev], workers: 2, threads_per_trial: 4}
YAML
  echo "== campaign on $dev"; /usr/bin/time -f "%e s wall" /tmp/dn/dotnet /tmp/app/autodnn.dll run $name.yaml
done
cat > text.yaml <<YAML
name: fortunes-cuda0
storage: $DB
seed: 5
task: {dataset: {name: fortunes, options: {path: "$ROOT/.gpu/fortunes"}}, architecture: text-lstm}
training: {epochs: 6}
sampler: {name: tpe}
cv: {kind: stratified, folds: 2}
objective: {metric: accuracy}
budget: {trials: 4}
resources: {devices: [cuda:0], workers: 2, threads_per_trial: 4}
YAML
echo "== text-lstm on cuda:0"; /usr/bin/time -f "%e s wall" /tmp/dn/dotnet /tmp/app/autodnn.dll run text.yaml
for t in 0 2; do echo "== rerun digits trial $t on cuda:0"; A rerun $t --campaign digits-cuda0 --storage $DB | head -4; done
echo "== rerun fortunes trial 1 on cuda:0"; A rerun 1 --campaign fortunes-cuda0 --storage $DB | head -4
echo "== params per trial (duplicates?)"
for c in digits-cuda0 digits-cpu fortunes-cuda0; do A trials --storage $DB --study $c --format csv | cut -d, -f1,3,7- | cut -c1-200; done
echo "== a CUDA device that is not there"; sed 's/cuda:0/cuda:7/; s/name: digits-cuda0/name: digits-cuda7/' digits-cuda0.yaml > bad.yaml; A run bad.yaml; echo "exit $?"
echo "== workers default to trials_per_device per CUDA device"; sed "s/name: digits-cuda0/name: digits-tpd/; s/workers: 2, /trials_per_device: 2, /; s/trials: 4/trials: 2/" digits-cuda0.yaml > tpd.yaml; A run tpd.yaml | head -3
date
