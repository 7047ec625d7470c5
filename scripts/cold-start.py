#!/usr/bin/env python3
"""Cold start of the API on a benchmark database (docs/performance.md, "Cold start").

Starts the Release build the way tests/Crm.Benchmarks does (Production, 127.0.0.1 only, logging at Warning), times the
first /health/live answer from process start, then rep1's token sign-in and the first page of the customer list (the
first real request) and a second page, prints the API's CPU time, and kills the API.

  python3 scripts/cold-start.py .artifacts/bench/crm-1000000.db /tmp/api.log [SETTING=value ...]

SETTING=value pairs go into the API's environment (e.g. Crm__Housekeeping__FirstPassAfterMinutes=0); HOLD=seconds keeps
the API running that long after the first requests. API_DLL in the environment picks another build, e.g. a ReadyToRun
publish: dotnet publish src/Crm.Api -c Release -a x64 --self-contained false -o /tmp/r2r
(a path without .dll is started as it is: the apphost of a self-contained publish)
"""
import json, os, socket, subprocess, sys, time, urllib.error, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
db, log = os.path.abspath(sys.argv[1]), sys.argv[2]
extra = dict(a.split("=", 1) for a in sys.argv[3:])
hold = float(extra.pop("HOLD", "0"))
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", DOTNET_ENVIRONMENT="Production",
           ConnectionStrings__Crm=f"Data Source={db}", Logging__LogLevel__Default="Warning",
           Crm__RateLimits__PerMinute="100000000", Crm__RateLimits__SignInPerMinute="100000", Crm__Demo__Seed="false",
           DOTNET_CLI_TELEMETRY_OPTOUT="1", **{"Logging__LogLevel__Microsoft.AspNetCore": "Warning"})
env.update(extra)
base = f"http://127.0.0.1:{port}"
dll = os.environ.get("API_DLL", f"{root}/src/Crm.Api/bin/Release/net10.0/Crm.Api.dll")


def call(path, body=None, token=None):
    headers = {"Content-Type": "application/json"} | ({"Authorization": "Bearer " + token} if token else {})
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read()


t0 = time.monotonic()
api = subprocess.Popen(([dll] if not dll.endswith(".dll") else ["dotnet", dll]) + ["--urls", base, "--contentRoot", f"{root}/src/Crm.Api"], env=env,
                       stdout=open(log, "w"), stderr=subprocess.STDOUT)
try:
    while True:
        if api.poll() is not None:
            sys.exit(f"the API exited with {api.returncode}; see {log}")
        if time.monotonic() - t0 > 180:
            sys.exit(f"no answer within 180 s; see {log}")
        try:
            call("/health/live")
            break
        except OSError:
            time.sleep(0.01)
    cold = time.monotonic() - t0
    t = time.monotonic()
    token = json.loads(call("/api/v1/auth/token", {"email": "rep1@bench.crm", "password": "Bench-2026!"}))["accessToken"]
    sign_in = time.monotonic() - t
    t = time.monotonic(); call("/api/v1/customers?limit=50", token=token); first = time.monotonic() - t
    t = time.monotonic(); call("/api/v1/customers?limit=50", token=token); second = time.monotonic() - t
    print(f"cold_start_ms={cold * 1000:.0f} signin_ms={sign_in * 1000:.0f} first_list_ms={first * 1000:.0f} "
          f"second_list_ms={second * 1000:.0f}")
    time.sleep(hold)
    stat = open(f"/proc/{api.pid}/stat").read().rsplit(")", 1)[1].split()
    print(f"api_cpu_s={(int(stat[11]) + int(stat[12])) / os.sysconf('SC_CLK_TCK'):.2f}")
finally:
    api.kill()
    api.wait(10)
