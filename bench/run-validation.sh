#!/usr/bin/env bash
# Validation throughput: builds the benchmark jar, runs ValidationBenchmark with JMH, then prints a table of
# records/second and records/second per core. Extra arguments go to JMH and override the defaults, e.g.
#   bench/run-validation.sh -t 2              # two threads
#   bench/run-validation.sh -i 10 -r 5s       # longer measurement
#   bench/run-validation.sh -rf json -rff bench/target/validation.json
# Takes a little over two minutes with the defaults (6 benchmarks x (5 x 2 s warm-up + 5 x 2 s measurement)).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl bench -am package -DskipTests

# JMH's benchmark pattern: the benchmark methods of ValidationBenchmark (e.g. 'ValidationBenchmark.validateBatch1000').
pattern=ValidationBenchmark
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  pattern=$1
  shift
fi

# short defaults: one fork, 5 warm-up iterations of 2 s, 5 measured iterations of 2 s; an option given on the command
# line replaces its default (JMH refuses an option given twice)
defaults=(-f 1 -wi 5 -w 2s -i 5 -r 2s)
options=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
  given=false
  for arg in "$@"; do
    if [ "$arg" = "${defaults[k]}" ]; then
      given=true
    fi
  done
  if [ "$given" = false ]; then
    options+=("${defaults[k]}" "${defaults[k + 1]}")
  fi
done

exec java -jar bench/target/sgw-bench.jar "$pattern" "${options[@]}" "$@"
