#!/usr/bin/env bash
# Measures `atlas serve` against nginx serving the same JSON bodies as static files, in ONE run on
# the same machine: starts atlas on a database (default: a fresh temporary one, seeded with the
# embedded Meizhou data), times start → first 200 from /healthz, fetches each measured endpoint's
# body once, starts a temporary nginx on those bodies, then runs `wrk --latency` against both
# servers for every endpoint (atlas and nginx back to back, the whole set --runs times) and prints
# req/s, the atlas/nginx ratio, p99 latency and CPU per request, and atlas's resident memory.
#   scripts/bench/http.sh [--db FILE] [--runs 2] [--duration 10s] [--connections 64]
#                         [--wrk-threads 2] [--skip-after 300] [--label NAME] [--atlas BIN]
#   scripts/bench/http.sh --db /work/perf/national.db --label national
# Results: bench/results/http-<label>.{md,json} and raw wrk output in bench/results/http-<label>/.
# Needs wrk, nginx, curl, python3 (`apt-get install wrk nginx-light`). See docs/performance.md.
set -euo pipefail
start_dir=$PWD
cd "$(dirname "$0")/../.."
repo=$(pwd)

db=
label=
runs=2
duration=10s
connections=64
wrk_threads=2
skip_after=300     # seconds: slower start-up than this is reported and the wrk runs are skipped
start_limit=3600   # seconds: give up waiting for /healthz
atlas=${ATLAS_BIN:-}  # default: build/atlas of this checkout
distinct=20000     # distinct targets per uncached endpoint (the answer cache holds 1024)

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --wrk-threads) wrk_threads=$2; shift 2 ;;
    --skip-after) skip_after=$2; shift 2 ;;
    --atlas) atlas=$2; shift 2 ;;
    -h | --help) usage 0 ;;
    *) echo "http.sh: unknown argument $1" >&2; usage ;;
  esac
done

# Paths given relative to where the script was called from.
absolute() { [[ -z $1 || $1 == /* ]] && echo "$1" || echo "$start_dir/$1"; }
db=$(absolute "$db")
if [[ -n $atlas ]]; then atlas=$(absolute "$atlas"); else atlas=$repo/build/atlas; fi

# ---- tools ----
nginx_bin=$(command -v nginx || true)
[[ -z $nginx_bin && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[[ -n $nginx_bin ]] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "http.sh: missing ${missing[*]}: apt-get install wrk nginx-light curl python3" >&2
  exit 2
fi
[[ -x $atlas ]] || { echo "http.sh: no atlas binary at $atlas (build it, or pass --atlas BIN)" >&2; exit 2; }
[[ -z $db || -f $db ]] || { echo "http.sh: no database at $db" >&2; exit 2; }

tmp=$(mktemp -d /tmp/atlas-http.XXXXXX)
chmod 755 "$tmp"  # nginx's workers may run as another user
if [[ -z $db ]]; then
  db=$tmp/meizhou.db  # empty: atlas serve creates it and seeds the embedded Meizhou data
  label=${label:-meizhou}
fi
label=${label:-$(basename "$db" .db)}
out_dir=$repo/bench/results/http-$label
rm -rf "$out_dir"
mkdir -p "$out_dir"

atlas_pid=
nginx_pid=
# True while `pid` runs (a child that exited but was not waited for is a zombie: not running).
alive() {
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}
# Stops one process we started, by PID: `signal`, then up to 15 s, then SIGKILL.
stop_pid() {
  local pid=$1 signal=$2 name=$3
  [[ -n $pid ]] || return 0
  if ! alive "$pid"; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 150); do
    alive "$pid" || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "http.sh: $name (pid $pid) did not stop in 15 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_pid "$atlas_pid" TERM atlas
  stop_pid "$nginx_pid" QUIT nginx
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }
mem_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
meta() { printf '%s\t%s\n' "$1" "$2" >>"$out_dir/meta.tsv"; }

meta label "$label"
meta db "$db"
meta db_bytes "$(stat -c %s "$db" 2>/dev/null || echo 0)"
meta atlas "$atlas"
meta wrk "wrk -t$wrk_threads -c$connections -d$duration --latency --timeout 30s"
meta cpu "$(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
meta started "$(date -u +%FT%TZ)"
meta clk_tck "$(getconf CLK_TCK)"
meta load_before "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- atlas serve: start-up ----
echo "http.sh: starting atlas serve on $db" >&2
: >"$tmp/atlas.out"
t0=$(now_ms)
"$atlas" serve --db "$db" --listen 127.0.0.1:0 --no-access-log >"$tmp/atlas.out" 2>"$tmp/atlas.err" &
atlas_pid=$!
port=
while [[ -z $port ]]; do
  if ! alive "$atlas_pid"; then
    echo "http.sh: atlas serve exited during start-up:" >&2
    cat "$tmp/atlas.err" >&2
    exit 1
  fi
  port=$(sed -n '1s#^Cluster Atlas serving .* on http://127\.0\.0\.1:\([0-9][0-9]*\)/$#\1#p' "$tmp/atlas.out")
  [[ -n $port ]] && break
  (($(now_ms) - t0 < start_limit * 1000)) || { echo "http.sh: atlas serve did not bind in ${start_limit} s" >&2; exit 1; }
  sleep 0.02
done
t_bound=$(now_ms)
base=http://127.0.0.1:$port
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/healthz") == 200 ]]; do
  alive "$atlas_pid" || { cat "$tmp/atlas.err" >&2; exit 1; }
  sleep 0.02
done
t_ready=$(now_ms)
ready_ms=$((t_ready - t0))
meta bound_ms $((t_bound - t0))
meta ready_ms "$ready_ms"
meta rss_ready_kib "$(mem_kib "$atlas_pid" VmRSS)"
meta hwm_ready_kib "$(mem_kib "$atlas_pid" VmHWM)"
echo "http.sh: ready after $ready_ms ms (bound after $((t_bound - t0)) ms) on $base" >&2

# ---- endpoints ----
curl -sf "$base/api/v1/zones" >"$tmp/zones.json"
curl -sf "$base/api/v1/enterprises?limit=1" >"$tmp/first.json"
python3 - "$tmp" "$distinct" <<'PY'
import datetime, json, random, sys
tmp, distinct = sys.argv[1], int(sys.argv[2])
counties = json.load(open(f"{tmp}/zones.json"))["counties"]
# A typical county: the median by enterprises (the busiest one at 1M holds 26k of them).
counties.sort(key=lambda c: (c["enterprises"], c["id"]))
county = counties[len(counties) // 2]
total = json.load(open(f"{tmp}/first.json"))["total"]
with open(f"{tmp}/facts.tsv", "w") as f:
    f.write(f"county\t{county['id']}\ncounty_enterprises\t{county['enterprises']}\n")
    f.write(f"enterprises\t{total}\ncounties\t{len(counties)}\n")
rng = random.Random(42)
# as_of after every figure: the same figures are visible, so every answer equals the first one
# except for meta.as_of, but each target is a distinct cache key.
days = [datetime.date(2026, 12, 1) + datetime.timedelta(days=i) for i in range(distinct)]
rng.shuffle(days)
def write(name, paths):
    with open(f"{tmp}/{name}.paths", "w") as f:
        f.write("\n".join(paths) + "\n")
write("uncached-list", [f"/api/v1/enterprises?limit=50&year=2025&as_of={d}" for d in days])
write("uncached-county",
      [f"/api/v1/enterprises?county={county['id']}&sort=-output_value&limit=50&year=2025&as_of={d}" for d in days])
if total - 50 >= distinct:  # whole pages only: offsets spread over the whole list
    step = (total - 50) // distinct
    offsets = [i * step for i in range(distinct)]
    rng.shuffle(offsets)
    write("uncached-offset", [f"/api/v1/enterprises?limit=50&offset={k}" for k in offsets])
PY
county=$(awk -F'\t' '$1 == "county" { print $2 }' "$tmp/facts.tsv")
while IFS=$'\t' read -r k v; do meta "$k" "$v"; done <"$tmp/facts.tsv"

# name <TAB> kind <TAB> target (a path, or @file of paths for the rotating endpoints)
{
  printf 'targets\tcached\t/api/v1/targets\n'
  printf 'enterprises\tcached\t/api/v1/enterprises?limit=50\n'
  printf 'county-top\tcached\t/api/v1/enterprises?county=%s&sort=-output_value&limit=50\n' "$county"
  printf 'total-output\tcached\t/api/v1/targets/total-output\n'
  printf 'uncached-list\tuncached\t@%s\n' "$tmp/uncached-list.paths"
  printf 'uncached-county\tuncached\t@%s\n' "$tmp/uncached-county.paths"
  if [[ -f $tmp/uncached-offset.paths ]]; then
    printf 'uncached-offset\tuncached\t@%s\n' "$tmp/uncached-offset.paths"
  fi
} >"$tmp/endpoints.tsv"

docroot=$tmp/www/b
mkdir -p "$docroot" "$tmp/nginx/tmp"
while IFS=$'\t' read -r name kind target; do
  path=$target
  if [[ $target == @* ]]; then
    path=$(head -1 "${target#@}")
    sed 's#^[^?]*?#/b/'"$name"'.json?#' "${target#@}" >"$tmp/$name.nginx-paths"  # same queries, ignored
  fi
  read -r code seconds < <(curl -s -o "$docroot/$name.json" -w '%{http_code} %{time_total}\n' "$base$path" </dev/null)
  [[ $code == 200 ]] || { echo "http.sh: GET $path answered $code" >&2; exit 1; }
  # The first answer is computed (not cached): its time is the endpoint's cold cost.
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$(stat -c %s "$docroot/$name.json")" "$path" "$seconds" \
    >>"$out_dir/endpoints.tsv"
done <"$tmp/endpoints.tsv"
chmod -R a+rX "$tmp/www"

# ---- nginx: the same bodies as static files ----
nginx_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  default_type application/json;
  types { }
  client_body_temp_path $tmp/nginx/tmp/body;
  proxy_temp_path $tmp/nginx/tmp/proxy;
  fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
  uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
  scgi_temp_path $tmp/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
  }
}
EOF
"$nginx_bin" -e "$tmp/nginx/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
nginx_base=http://127.0.0.1:$nginx_port
for _ in $(seq 250); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$nginx_base/b/targets.json") == 200 ]] && break
  alive "$nginx_pid" || { cat "$tmp/nginx/error.log" >&2; exit 1; }
  sleep 0.02
done
meta nginx "$("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //')"

# ---- wrk ----
run_wrk() {  # out base target name
  local out=$1 url=$2 target=$3 name=$4
  local args=(-t"$wrk_threads" -c"$connections" -d"$duration" --latency --timeout 30s)
  if [[ $target == @* ]]; then
    wrk "${args[@]}" -s "$repo/bench/http/rotate.lua" "$url" -- "${target#@}" "$wrk_threads" </dev/null >"$out" 2>&1
  else
    wrk "${args[@]}" "$url$target" </dev/null >"$out" 2>&1
  fi
}
# CPU time (clock ticks, user + system, all threads) a process has used so far.
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_ticks() { ticks_of "$atlas_pid"; }
# The same for nginx: its master and workers.
nginx_ticks() {
  local total pid
  total=$(ticks_of "$nginx_pid")
  for pid in $(cat "/proc/$nginx_pid/task/$nginx_pid/children" 2>/dev/null); do
    total=$((total + $(ticks_of "$pid")))
  done
  echo "$total"
}
# Runs wrk against one server and notes the CPU ticks that server used meanwhile.
measure() {  # server(atlas|nginx) out url target name
  local before
  if [[ $1 == atlas ]]; then before=$(cpu_ticks); else before=$(nginx_ticks); fi
  run_wrk "$2" "$3" "$4" "$5"
  if [[ $1 == atlas ]]; then echo $(($(cpu_ticks) - before)) >"${2%.txt}.ticks"
  else echo $(($(nginx_ticks) - before)) >"${2%.txt}.ticks"; fi
}
# Waits until atlas is idle (< 10 % of a core over 0.5 s, at most 120 s): after wrk stops, atlas
# still answers the requests it had read, which must not overlap the next measurement.
wait_idle() {
  local before after
  for _ in $(seq 240); do
    before=$(cpu_ticks)
    sleep 0.5
    after=$(cpu_ticks)
    ((after - before <= $(getconf CLK_TCK) / 20)) && return 0
  done
  echo "http.sh: atlas still busy after 120 s" >&2
}
if ((ready_ms > skip_after * 1000)); then
  echo "http.sh: start-up took $((ready_ms / 1000)) s > ${skip_after} s: skipping the wrk runs" >&2
  meta skipped "start-up took $ready_ms ms > $skip_after s"
else
  for run in $(seq "$runs"); do
    meta "load_run$run" "$(cut -d' ' -f1-3 /proc/loadavg)"
    while IFS=$'\t' read -r name kind target; do
      echo "http.sh: run $run/$runs: $name" >&2
      wait_idle
      if [[ $target == @* ]]; then
        measure atlas "$out_dir/$name.atlas.$run.txt" "$base" "$target" "$name"
        wait_idle
        measure nginx "$out_dir/$name.nginx.$run.txt" "$nginx_base" "@$tmp/$name.nginx-paths" "$name"
      else
        # The rotating endpoints fill the answer cache (1024 entries) and push this answer out:
        # ask once so that the run measures cache hits.
        curl -s -o /dev/null "$base$target" </dev/null
        measure atlas "$out_dir/$name.atlas.$run.txt" "$base" "$target" "$name"
        wait_idle
        measure nginx "$out_dir/$name.nginx.$run.txt" "$nginx_base" "/b/$name.json" "$name"
      fi
    done <"$tmp/endpoints.tsv"
  done
fi
meta load_after "$(cut -d' ' -f1-3 /proc/loadavg)"
meta rss_after_kib "$(mem_kib "$atlas_pid" VmRSS)"
meta hwm_after_kib "$(mem_kib "$atlas_pid" VmHWM)"
meta runs "$runs"

stop_pid "$atlas_pid" TERM atlas
atlas_pid=
stop_pid "$nginx_pid" QUIT nginx
nginx_pid=
cp "$tmp/atlas.err" "$out_dir/atlas.stderr"
python3 "$repo/bench/http/report.py" "$out_dir" "$repo/bench/results/http-$label"
