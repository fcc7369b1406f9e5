#!/usr/bin/env bash
# CPU cost of the gateway's own code on the push path: builds the benchmark jar, runs the signature, parsing and
# rule benchmarks with JMH, then prints a table of operations/second and operations/second per core.
#   bench/run-jmh.sh                          # SignatureBenchmark, PushParsingBenchmark, SectionRulesBenchmark
#   bench/run-jmh.sh SignatureBenchmark       # one class, or one method ('PushParsingBenchmark.parseNdjson100')
#   bench/run-jmh.sh RuleByRuleBenchmark      # each of the 23 rules alone (not in the default run)
#   bench/run-jmh.sh -t 2                     # two threads
#   bench/run-jmh.sh SectionRulesBenchmark -p bidders=4,50,100   # the section with 4, 50 and 100 bidders
#   bench/run-jmh.sh -rf json -rff bench/target/jmh.json
# The warm-up and measurement come from each benchmark's annotations (one fork; 5 x 2 s warm-up, 10 x 2 s for the
# rules; 5 x 2 s measured): about three minutes in all. Any JMH option given here replaces them.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl bench -am package -DskipTests

# JMH's benchmark pattern (a regular expression over the benchmarks' full names)
pattern='\.(SignatureBenchmark|PushParsingBenchmark|SectionRulesBenchmark)\.'
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  pattern=$1
  shift
fi

# run a copy of the jar, so that a build started meanwhile (which rewrites target/) cannot pull classes from under it
jar=$(mktemp "${TMPDIR:-/tmp}/sgw-bench-XXXXXX.jar")
trap 'rm -f "$jar"' EXIT
cp bench/target/sgw-bench.jar "$jar"
java -jar "$jar" "$pattern" "$@"
