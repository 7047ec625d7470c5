#!/bin/bash
# What the API's resident memory is made of while a benchmark runs (docs/performance.md, "Twenty-first round"):
# every second, VmRSS / RssAnon / RssFile / RssShmem of the API process and how many handles it has open on the
# database file; and, when dotnet-counters is installed (dotnet tool install -g dotnet-counters), the runtime's
# counters every 2 s (the GC's committed memory and heap sizes) in <out>.counters.csv.
# Usage: start it, then the load command, in another shell or in the background:
#   scripts/rss-parts.sh /tmp/rss.txt & dotnet run -c Release --no-build --project tests/Crm.Benchmarks -- load ...
# It waits up to 5 minutes for the API to start and stops when the API exits.
set -u
out=${1:?usage: scripts/rss-parts.sh <output file>}
pid=""
for _ in $(seq 1 600); do
  pid=$(ps -eo pid,args | grep -E "Crm\.Api\.dll|publish/Crm\.Api( |$)" | grep -v -E "Crm\.Benchmarks|grep|rss-parts" | awk '{print $1}' | head -1)
  [ -n "$pid" ] && break
  sleep 0.5
done
[ -n "$pid" ] || { echo "no API process found" >&2; exit 1; }
echo "pid $pid" > "$out"
counters=$(command -v dotnet-counters || echo "$HOME/.dotnet/tools/dotnet-counters")
if [ -x "$counters" ]; then
  ( sleep 3; "$counters" collect -p "$pid" --format csv -o "${out%.*}.counters.csv" --refresh-interval 2 --counters System.Runtime >/dev/null 2>&1 ) &
fi
while kill -0 "$pid" 2>/dev/null; do
  parts=$(grep -E "^(VmHWM|VmRSS|RssAnon|RssFile|RssShmem)" "/proc/$pid/status" 2>/dev/null | awk '{printf "%s%.0f ", $1, $2/1024}')
  files=$(ls -l "/proc/$pid/fd" 2>/dev/null | grep -c -E "\.db$")
  echo "$(date +%T) ${parts}MB, database handles $files" >> "$out"
  sleep 1
done
