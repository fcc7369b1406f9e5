#!/usr/bin/env bash
# Push load: builds the gateway and the load generator, makes sure PostgreSQL and Redis are up, starts the gateway
# on a fresh database (profiles postgres,bench), then runs the generator for every mode (single, batch10, batch100,
# batch1000, mixed) against the no-op endpoint without the edge filters, the no-op behind them, and the push path,
# at the same concurrency. Prints a table with the ratios push / no-op and writes it, with the machine and the
# settings, to bench/results/load-<date>.md. Stops the gateway at the end. About 6 minutes with the defaults.
#
# Settings (environment):
#   SGW_BENCH_CONCURRENCY=64      concurrent clients
#   SGW_BENCH_PRIME=15s           sent first, not counted, so that the gateway's JIT has compiled its hot paths
#   SGW_BENCH_WARMUP=5s           warm-up of each push run       SGW_BENCH_DURATION=20s       measured time of each
#   SGW_BENCH_NOOP_WARMUP=3s      warm-up of each no-op run      SGW_BENCH_NOOP_DURATION=10s  measured time of each
#   SGW_BENCH_DRAIN=5s            after each run, wait at most this for the requests in flight, then cancel them
#   SGW_BENCH_MODES=single,batch10,batch100,batch1000,mixed
#   SGW_BENCH_ENDPOINTS=noop-direct,noop-edge,push
#   SGW_BENCH_PORT=18080          the gateway's port             SGW_BENCH_DB=sgw_bench      its database (dropped!)
#   SGW_BENCH_REDIS_URL=redis://127.0.0.1:6379
#   SGW_BENCH_JAVA_OPTS=          JVM options of the gateway, e.g. -Xmx2g
#   SGW_BENCH_JFR=1               record the gateway with JFR (bench/target/load/gateway.jfr) and print its top frames
#   SGW_BENCH_SKIP_BUILD=1        use the jars already built
#   SGW_BENCH_RESULTS=bench/results/load-<date>.md
# Extra arguments go to the generator (see: java -cp bench/target/sgw-bench.jar org.ggzy.sgw.bench.load.LoadGenerator
# --help), e.g. bench/run-load.sh --platforms 4 --late-share 0
set -euo pipefail
cd "$(dirname "$0")/.."

concurrency=${SGW_BENCH_CONCURRENCY:-64}
prime=${SGW_BENCH_PRIME:-15s}
warmup=${SGW_BENCH_WARMUP:-5s}
duration=${SGW_BENCH_DURATION:-20s}
noop_warmup=${SGW_BENCH_NOOP_WARMUP:-3s}
noop_duration=${SGW_BENCH_NOOP_DURATION:-10s}
drain=${SGW_BENCH_DRAIN:-5s}
modes=${SGW_BENCH_MODES:-single,batch10,batch100,batch1000,mixed}
endpoints=${SGW_BENCH_ENDPOINTS:-noop-direct,noop-edge,push}
port=${SGW_BENCH_PORT:-18080}
db=${SGW_BENCH_DB:-sgw_bench}
redis_url=${SGW_BENCH_REDIS_URL:-redis://127.0.0.1:6379}
java_opts=${SGW_BENCH_JAVA_OPTS:-}
jfr=${SGW_BENCH_JFR:-0}
day=$(date -u +%Y-%m-%d)
results=${SGW_BENCH_RESULTS:-bench/results/load-$day.md}
out=bench/target/load

if [[ ! "$db" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "SGW_BENCH_DB must be a plain lowercase name" >&2
  exit 2
fi

if [ "${SGW_BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "building the gateway and the generator"
  ./mvnw -q -pl gateway,bench -am package -DskipTests
fi

# PostgreSQL and Redis, as .ci/run does
need_install=()
command -v pg_ctlcluster >/dev/null 2>&1 || need_install+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_install+=(redis-server)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "installing ${need_install[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_install[@]}"
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 >/dev/null
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null

echo "recreating database $db"
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $db"

mkdir -p "$out" "$(dirname "$results")"
rm -f "$out/load.jsonl" "$out/table.md" "$out/gateway.jfr"
# private copies: a build started elsewhere while this runs must not replace the jars under the running JVMs
cp gateway/target/sgw-gateway.jar "$out/sgw-gateway.jar"
cp bench/target/sgw-bench.jar "$out/sgw-bench.jar"
password="bench-$(openssl rand -hex 12)"
jvm=()
if [ -n "$java_opts" ]; then
  read -r -a jvm <<<"$java_opts"
fi
if [ "$jfr" = 1 ]; then
  jvm+=("-XX:StartFlightRecording=filename=$out/gateway.jfr,settings=profile,dumponexit=true")
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a")
echo "starting the gateway on port $port (log: $out/gateway.log)"
SGW_MASTER_KEY="$(openssl rand -base64 32)" \
  SGW_BOOTSTRAP_ADMIN_PASSWORD="$password" \
  SGW_R2DBC_URL="r2dbc:postgresql://127.0.0.1:5432/$db" \
  SGW_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  SGW_DB_USER=postgres \
  SGW_REDIS_URL="$redis_url" \
  java ${jvm[@]+"${jvm[@]}"} -jar "$out/sgw-gateway.jar" \
  --spring.profiles.active=postgres,bench --server.port="$port" >"$out/gateway.log" 2>&1 &
gateway=$!
stop_gateway() {
  if kill -0 "$gateway" 2>/dev/null; then
    kill "$gateway"
    wait "$gateway" 2>/dev/null || true
  fi
}
trap stop_gateway EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
    break
  fi
  if ! kill -0 "$gateway" 2>/dev/null; then
    echo "the gateway did not start; the end of its log:" >&2
    tail -20 "$out/gateway.log" >&2
    exit 1
  fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health/readiness" | grep -q '"UP"'

generator=(java -cp "$out/sgw-bench.jar" org.ggzy.sgw.bench.load.LoadGenerator
  --url "http://127.0.0.1:$port" --admin-password "$password"
  --mode "$modes" --endpoint "$endpoints" --concurrency "$concurrency"
  --prime "$prime" --warmup "$warmup" --duration "$duration" --noop-warmup "$noop_warmup"
  --noop-duration "$noop_duration" --drain "$drain"
  --json "$out/load.jsonl" --markdown "$out/table.md" "$@")
started=$(date -u +"%Y-%m-%d %H:%M UTC")
"${generator[@]}" | tee "$out/generator.log"

# what the rules and expectations did with the records (the whole run, every mode)
stored=$(psql -h 127.0.0.1 -U postgres -d "$db" -At -F ' ' -c "
  SELECT 'records stored', count(*) FROM records
  UNION ALL SELECT 'sections', count(*) FROM sections
  UNION ALL SELECT 'expectations ' || rule || ' ' || status, count(*) FROM expectations GROUP BY rule, status
  UNION ALL SELECT 'warnings ' || rule || ' ' || severity, count(*) FROM warnings GROUP BY rule, severity
  UNION ALL SELECT 'deliveries ' || destination || ' ' || status, count(*) FROM outbox GROUP BY destination, status")
stop_gateway
trap - EXIT

jfr_top=""
if [ "$jfr" = 1 ] && [ -f "$out/gateway.jfr" ]; then
  jfr_top=$(java -cp "$out/sgw-bench.jar" org.ggzy.sgw.bench.load.JfrTop "$out/gateway.jfr" 25)
  echo "$jfr_top" | tee "$out/jfr-top.txt"
fi

cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
{
  echo "# Push load, $started"
  echo
  echo "Written by \`bench/run-load.sh\` (see bench/README.md, section \"Push load\")."
  echo
  echo "## Machine"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | ${cpu_model:-n/a}, $(nproc) CPUs |"
  echo "| memory | $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}') |"
  echo "| JVM | $(java -version 2>&1 | sed -n 2p) |"
  echo "| PostgreSQL | $(psql -h 127.0.0.1 -U postgres -At -c 'SHOW server_version') |"
  echo "| Redis | $(redis-cli -h 127.0.0.1 -p 6379 INFO server | tr -d '\r' | sed -n 's/^redis_version://p') |"
  echo "| load average before the run | $load_before |"
  echo
  echo "## Settings"
  echo
  echo "\`bench/run-load.sh\`: $concurrency concurrent clients; gateway primed for $prime; push runs: warm-up"
  echo "$warmup, measured $duration; no-op runs: warm-up $noop_warmup, measured $noop_duration; drain $drain;"
  echo "modes $modes; endpoints $endpoints;"
  echo "gateway JVM options: ${java_opts:-none}; JFR: $([ "$jfr" = 1 ] && echo on || echo off);"
  echo "generator arguments: ${*:-none}."
  echo
  echo "## Results"
  echo
  cat "$out/table.md"
  echo
  echo "CPU columns are cores (of $(nproc)) during the measured time: the gateway (its process_cpu_time), PostgreSQL"
  echo "(every backend, all databases) and Redis (from /proc), the generator itself, and the rest of the machine."
  echo
  echo "## What was stored (all runs)"
  echo
  echo '```'
  echo "$stored"
  echo '```'
  if [ -n "$jfr_top" ]; then
    echo
    echo "## JFR: where the gateway's CPU went (the whole run)"
    echo
    echo '```'
    echo "$jfr_top"
    echo '```'
  fi
  echo
  echo "## Raw (one JSON line per run)"
  echo
  echo '```json'
  cat "$out/load.jsonl"
  echo '```'
} >"$results"
echo "written: $results"
