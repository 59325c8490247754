# Functions behind ./fleet (sourced; ROOT and STATE are set by the caller).

log() { printf '\033[1;34m[fleet]\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the local stack and the tests need; installed only when missing.
ensure_packages() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && command -v pg_isready >/dev/null || missing+=(postgresql)
  [ -x /usr/sbin/clickhouse-server ] || missing+=(clickhouse-server clickhouse-client)
  # Headless browser for the map page's end-to-end tests (Playwright drives Debian's Chromium).
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # The packages start system-wide servers on the default ports where init allows it; ours run on their own.
  as_root systemctl disable --now redis-server postgresql clickhouse-server >/dev/null 2>&1 || true
}

build() {
  log "building (dotnet build Fleet.sln)"
  dotnet build "$ROOT/Fleet.sln" -c Debug -nologo -clp:ErrorsOnly -v quiet
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  for _ in $(seq 1 $(( $2 * 10 ))); do port_open "$1" && return 0; sleep 0.1; done
  log "$3 did not open port $1 within $2 s"; return 1
}

fleet_up() {
  local demo=true
  for arg in "$@"; do
    case "$arg" in
      --no-demo) demo=false ;;
      *) echo "unknown option '$arg'" >&2; return 2 ;;
    esac
  done
  ensure_packages
  build
  mkdir -p "$STATE"; rm -f "$STATE/endpoints.env"
  log "starting the stack (Aspire AppHost); Ctrl-C stops everything"
  cd "$ROOT/src/Fleet.AppHost"
  # exec: Ctrl-C / SIGTERM go straight to the AppHost, which stops every resource it started.
  exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
    ASPNETCORE_URLS="${FLEET_DASHBOARD_BIND:-http://localhost:18888}" \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:18889 \
    ASPIRE_DASHBOARD_RESOURCESERVICE_ENDPOINT_URL=http://localhost:18890 \
    Demo__Enabled="$demo" \
    "$ROOT/artifacts/bin/Fleet.AppHost/debug/Fleet.AppHost"
}

# Test servers: their own ports and data under .fleet/test, so they never touch a running ./fleet up.
TEST_REDIS_PORT=16379; TEST_PG_PORT=15432; TEST_CH_HTTP=18123; TEST_CH_TCP=19000; TEST_PG_PASSWORD=fleet-test
STARTED_PIDS=()

start_test_servers() {
  local dir="$STATE/test"; mkdir -p "$dir"
  if port_open $TEST_REDIS_PORT; then log "reusing redis on $TEST_REDIS_PORT"; else
    redis-server --bind 127.0.0.1 --port $TEST_REDIS_PORT --save "" --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
    STARTED_PIDS+=($!)
  fi
  if port_open $TEST_PG_PORT; then log "reusing postgres on $TEST_PG_PORT"; else
    FLEET_POSTGRES_PASSWORD=$TEST_PG_PASSWORD bash "$ROOT/scripts/run-postgres.sh" "$dir/postgres" $TEST_PG_PORT >"$dir/postgres.log" 2>&1 &
    STARTED_PIDS+=($!)
  fi
  if port_open $TEST_CH_HTTP; then log "reusing clickhouse on $TEST_CH_HTTP"; else
    bash "$ROOT/scripts/run-clickhouse.sh" "$dir/clickhouse" $TEST_CH_HTTP $TEST_CH_TCP >"$dir/clickhouse.log" 2>&1 &
    STARTED_PIDS+=($!)
  fi
  wait_port $TEST_REDIS_PORT 20 redis-server
  wait_port $TEST_CH_HTTP 30 clickhouse-server
  for _ in $(seq 1 300); do pg_isready -q -h 127.0.0.1 -p $TEST_PG_PORT && break; sleep 0.1; done
  pg_isready -q -h 127.0.0.1 -p $TEST_PG_PORT || { log "postgres did not become ready"; tail -20 "$dir/postgres.log" >&2; return 1; }
  export FLEET_TEST_REDIS="127.0.0.1:$TEST_REDIS_PORT"
  export FLEET_TEST_POSTGRES="Host=127.0.0.1;Port=$TEST_PG_PORT;Username=postgres;Password=$TEST_PG_PASSWORD"
  export FLEET_TEST_CLICKHOUSE="Host=127.0.0.1;Port=$TEST_CH_HTTP;Username=default"
}

stop_test_servers() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

fleet_test() {
  ensure_packages
  build
  trap stop_test_servers EXIT
  start_test_servers
  local results="$STATE/test-results"; rm -rf "$results"; mkdir -p "$results"
  log "running tests"
  local rc=0
  dotnet test --project "$ROOT/tests/Fleet.Tests/Fleet.Tests.csproj" --no-build --results-directory "$results" \
    --report-xunit-trx --report-xunit-trx-filename fleet-tests.trx "$@" || rc=$?
  summarize "$results" "$rc"
}

# Prints the closing "N passed, N failed, N skipped" line from the TRX counters; a run that executed nothing fails.
summarize() {
  local trx; trx=$(ls "$1"/*.trx 2>/dev/null | head -1 || true)
  if [ -z "$trx" ]; then echo "0 passed, 1 failed"; log "no test results found (rc=$2)"; return 1; fi
  local total passed failed
  total=$(grep -o 'total="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | tr -dc 0-9)
  local errors; errors=$(grep -o ' error="[0-9]*"' "$trx" | head -1 | tr -dc 0-9); failed=$(( ${failed:-0} + ${errors:-0} ))
  local skipped=$(( ${total:-0} - ${passed:-0} - failed ))
  echo "${passed:-0} passed, ${failed} failed, ${skipped} skipped"
  if [ "${passed:-0}" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$2" -ne 0 ]; then return 1; fi
}

fleet_token() {
  local companies=() admin=false sub="dev-user" hours=12
  while [ $# -gt 0 ]; do
    case "$1" in
      --company) companies+=("$2"); shift 2 ;;
      --admin) admin=true; shift ;;
      --sub) sub="$2"; shift 2 ;;
      --hours) hours="$2"; shift 2 ;;
      *) echo "unknown option '$1'" >&2; return 2 ;;
    esac
  done
  local keyfile="$STATE/secrets/jwt-signing.key"
  [ -f "$keyfile" ] || { echo "no development signing key yet: run ./fleet up once" >&2; return 1; }
  local now exp company_json="" c
  now=$(date +%s); exp=$(( now + hours * 3600 ))
  for c in "${companies[@]}"; do company_json+="${company_json:+,}\"$c\""; done
  local payload="{\"iss\":\"fleet-dev\",\"aud\":\"fleet\",\"sub\":\"$sub\",\"iat\":$now,\"exp\":$exp,\"company\":[${company_json}]"
  $admin && payload+=",\"role\":\"fleet-admin\""
  payload+="}"
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  local header body sig
  header=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)
  body=$(printf '%s' "$payload" | b64url)
  sig=$(printf '%s' "$header.$body" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(cat "$keyfile")" -binary | b64url)
  echo "$header.$body.$sig"
}

# ./fleet bench NAME [options]: a benchmark console project (bench/Fleet.Bench.<Name>) in Release. Like fleet_test it
# reuses the running test servers (redis 16379, PostgreSQL 15432, ClickHouse 18123) or starts them for the run.
fleet_bench() {
  local name="${1:-}"; shift || true
  [ -n "$name" ] || { echo "usage: ./fleet bench NAME [options]  (NAME: $(ls "$ROOT/bench" 2>/dev/null | sed -n 's/^Fleet\.Bench\.\{0,1\}//p' | tr '\n' ' '))" >&2; return 2; }
  local project
  local wanted d; wanted="fleet.bench.$(echo "$name" | tr '[:upper:]' '[:lower:]')"; project=""
  for d in "$ROOT"/bench/Fleet.Bench.*; do
    if [ "$(basename "$d" | tr '[:upper:]' '[:lower:]')" = "$wanted" ]; then project="$d"; fi
  done
  [ -n "$project" ] || { echo "no bench project for '$name' under bench/" >&2; return 2; }
  ensure_packages
  trap stop_test_servers EXIT
  start_test_servers
  # Thousands of simulated devices need as many sockets in each process (children inherit the limit).
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  log "building $(basename "$project") (Release)"
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v quiet
  log "running $(basename "$project") $*"
  local rc=0 prefix="fleet-bench:$$:"
  FLEET_BENCH_KEY_PREFIX="${prefix}fleet:" \
    dotnet run -c Release --no-build --project "$project" -- "$@" || rc=$?
  # Leave the shared test redis as it was: drop the keys this run's gate wrote.
  redis-cli -p $TEST_REDIS_PORT --scan --pattern "${prefix}*" 2>/dev/null | xargs -r redis-cli -p $TEST_REDIS_PORT del >/dev/null 2>&1 || true
  return $rc
}
