#!/usr/bin/env bash
# Paired speed comparison: this build's `umdf bench speed` against the PyTorch twin of the same
# network (benchmarks/pytorch/umdf_twin.py), alternated in one sitting, same shapes, same thread
# count. Prints each run's figures and the ratios DJL / PyTorch (above 1: the JVM side is faster).
#
#   benchmarks/compare.sh [--batch 32] [--steps 3] [--rounds 2] [--threads 1] [--preset mosi-aligned]
#                         [--equal-attention-dropout] [--twin-allocator system|same]
#                         [--attention-dropout-unit weight|key] [--twin-attention-dropout-unit weight|key]
#
# --attention-dropout-unit sets UmdfConfig.attnDropoutUnit on both sides (default weight, MulT's
# per-weight dropout); --twin-attention-dropout-unit overrides it for the twin only, e.g. `key` for this
# build against PyTorch doing the per-weight dropout of nn.MultiheadAttention (`weight`).
# Needs a Python with torch: PYTHON=/opt/torch213/bin/python for a PyTorch 2.x from a wheel (benchmarks/pytorch/README.md),
# else Debian's 1.13 (apt-get install python3-torch libopenblas0-pthread; PYTHON=/usr/bin/python3 by default).
# The JVM side runs through ./umdf, whose launcher picks the C
# allocator (UMDF_MALLOC); the twin runs with the system allocator unless --twin-allocator same. UMDF_BASELINE_JAR=path/to/umdf.jar adds a previous build of
# the command line as a third contender (the same bench command, the same allocator as this build), e.g. to measure a change.
# Only ratios from one sitting mean anything; absolute times move with the machine and its load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
batch=32 steps=3 rounds=2 threads=1 preset=mosi-aligned eq="" twin_alloc=system unit=weight twin_unit=""
while [ $# -gt 0 ]; do
  case "$1" in
    --batch) batch=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --preset) preset=$2; shift 2 ;;
    --equal-attention-dropout) eq=1; shift ;;
    --twin-allocator) twin_alloc=$2; shift 2 ;;
    --attention-dropout-unit) unit=$2; shift 2 ;;
    --twin-attention-dropout-unit) twin_unit=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
twin_unit=${twin_unit:-$unit}
for u in "$unit" "$twin_unit"; do
  case "$u" in weight|key) ;; *) echo "compare.sh: an attention dropout unit is 'weight' or 'key', found '$u'" >&2; exit 2 ;; esac
done
python="${PYTHON:-/usr/bin/python3}"
"$python" -c "import torch" 2>/dev/null || { echo "compare.sh: $python has no torch (Debian: apt-get install python3-torch)" >&2; exit 2; }
jopts="-Xmx16g -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
out=$(mktemp -d)
echo "compare.sh: $preset, batch $batch, $steps timed steps, $threads thread(s), ${eq:+equal attention dropout, }attention dropout per $unit (twin: per $twin_unit), $rounds round(s); logs in $out" >&2

djl() { # $1 = label, $2 = configuration file, then the java command
  local label=$1 cfg=$2; shift 2
  UMDF_QUIET_MALLOC=1 UMDF_JAVA_OPTS="$jopts" /usr/bin/time -f "%M" -o "$out/$label.time" "$@" bench speed --presets "$preset" \
      --config "$cfg" --batch "$batch" --steps "$steps" > "$out/$label.log" 2>&1
  local train infer peak
  train=$(sed -n 's/.*training .*, \([0-9.]*\) samples\/s.*/\1/p' "$out/$label.log")
  infer=$(sed -n 's/.*inference ONE_STREAM .*, \([0-9.]*\) samples\/s.*/\1/p' "$out/$label.log")
  peak=$(( $(cat "$out/$label.time") / 1024 ))
  echo "$label train=$train infer=$infer peak_mb=$peak"
}
twin() {
  local label=$1
  local pre=()
  if [ "$twin_alloc" = same ]; then # what the launcher chose
    mapfile -t pre < <(UMDF_NO_BUILD=1 UMDF_PRINT_MALLOC_ENV=1 "$root/umdf")
    pre=(env "${pre[@]}")
  fi
  "${pre[@]}" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$root/benchmarks/pytorch/umdf_twin.py" --preset "$preset" --batch "$batch" \
      --steps "$steps" --threads "$threads" --mode both --seed 1 ${eq:+--equal-attn-dropout} --attn-dropout-unit "$twin_unit" > "$out/$label.log" 2>&1
  echo "$label train=$(sed -n 's/^train samples\/s=//p' "$out/$label.log") infer=$(sed -n 's/^infer-one-stream samples\/s=//p' "$out/$label.log") peak_mb=$(sed -n 's/^peak_rss_mb=\([0-9]*\).*/\1/p' "$out/$label.log")"
}

config="$root/configs/umdf-mosi.xml"
props=""
[ -n "$eq" ] && props+='<property name="attnDropoutAudio" value="0.1"/><property name="attnDropoutVision" value="0.1"/>'
[ "$unit" = key ] && props+='<property name="attnDropoutUnit" value="KEY"/>'
if [ -n "$props" ]; then # the MOSI configuration with attention dropout 0.1 for every MCIM target and/or per key (a file: older builds read it too)
  config="$out/umdf-mosi-${eq:+equal-attention-dropout-}$unit.xml"
  sed "s|<component name=\"model\" type=\"io.github.umdf.nn.umdf.UmdfConfig\"/>|<component name=\"model\" type=\"io.github.umdf.nn.umdf.UmdfConfig\">$props</component>|" \
      "$root/configs/umdf-mosi.xml" > "$config"
  grep -q 'property name="attnDropout' "$config" || { echo "compare.sh: could not derive the configuration" >&2; exit 2; }
fi
baseline_config="$config"
# the network classes are in the jar's lib/umdf-nn-*.jar (or in the jar itself, for a single-module build)
baseline_has_class() { # $1: a class file path
  local j
  for j in "$UMDF_BASELINE_JAR" "$(dirname "$UMDF_BASELINE_JAR")"/lib/umdf-nn-*.jar; do
    # grep reads the whole listing (no -q): an early exit would kill jar with SIGPIPE and, with pipefail, fail the test
    [ -f "$j" ] && jar tf "$j" | grep -x "$1" >/dev/null && return 0
  done
  return 1
}
if [ -n "${UMDF_BASELINE_JAR:-}" ] && ! baseline_has_class io/github/umdf/nn/umdf/UmdfConfig.class; then
  # a build from before the package move (UmdfConfig in nn.model, TrainingConfig in nn.train)
  baseline_config="$out/baseline-config.xml"
  sed 's/io\.github\.umdf\.nn\.umdf\.UmdfConfig/io.github.umdf.nn.model.UmdfConfig/; s/io\.github\.umdf\.nn\.config\.TrainingConfig/io.github.umdf.nn.train.TrainingConfig/' \
      "$config" > "$baseline_config"
fi
UMDF_QUIET_MALLOC=1 "$root/umdf" --version >/dev/null # builds once, outside the timings
results="$out/results.txt"
for r in $(seq 1 "$rounds"); do
  djl "djl-$r" "$config" "$root/umdf" | tee -a "$results"
  twin "pytorch-$r" | tee -a "$results"
  if [ -n "${UMDF_BASELINE_JAR:-}" ]; then
    # with the allocator and the Java heap options ./umdf chose for this build, and the Vector API module
    mapfile -t malloc_env < <(UMDF_NO_BUILD=1 UMDF_PRINT_MALLOC_ENV=1 "$root/umdf")
    heap_opts=$(UMDF_NO_BUILD=1 UMDF_JAVA_OPTS="$jopts" UMDF_PRINT_HEAP_OPTS=1 "$root/umdf")
    djl "baseline-$r" "$baseline_config" env "${malloc_env[@]}" java $heap_opts $jopts --add-modules jdk.incubator.vector \
        -Dai.djl.offline=true -jar "$UMDF_BASELINE_JAR" | tee -a "$results"
  fi
done
awk '
  { split($1, id, "-"); side = id[1]
    for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[side, kv[1]] += kv[2]; n[side, kv[1]]++ } }
  END {
    printf "mean over rounds (samples/s, MB):\n"
    split("djl pytorch baseline", sides, " ")
    for (s = 1; s <= 3; s++) if (n[sides[s], "train"]) printf "  %-9s train %8.2f  infer %8.2f  peak %6.0f\n", sides[s],
        sum[sides[s], "train"] / n[sides[s], "train"], sum[sides[s], "infer"] / n[sides[s], "infer"], sum[sides[s], "peak_mb"] / n[sides[s], "peak_mb"]
    printf "ratios DJL / PyTorch: training %.2f, one-stream inference %.2f, peak memory %.2f\n",
        (sum["djl", "train"] / n["djl", "train"]) / (sum["pytorch", "train"] / n["pytorch", "train"]),
        (sum["djl", "infer"] / n["djl", "infer"]) / (sum["pytorch", "infer"] / n["pytorch", "infer"]),
        (sum["djl", "peak_mb"] / n["djl", "peak_mb"]) / (sum["pytorch", "peak_mb"] / n["pytorch", "peak_mb"])
    if (n["baseline", "train"]) printf "ratios this build / baseline build: training %.2f, one-stream inference %.2f\n",
        (sum["djl", "train"] / n["djl", "train"]) / (sum["baseline", "train"] / n["baseline", "train"]),
        (sum["djl", "infer"] / n["djl", "infer"]) / (sum["baseline", "infer"] / n["baseline", "infer"])
  }' "$results"
