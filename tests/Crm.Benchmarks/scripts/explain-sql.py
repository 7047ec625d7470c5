#!/usr/bin/env python3
"""EXPLAIN QUERY PLAN for every distinct SQL command the API logged with `load --log-sql`.

usage: explain-sql.py API_LOG DATABASE [FILTER]
Reads the JSON console log (Production), keeps each distinct command once with its slowest duration, and prints the
plan SQLite chooses for it on DATABASE (parameters bound as NULL: the plan does not depend on their values).
"""
import json, re, sqlite3, sys

log, database = sys.argv[1], sys.argv[2]
needle = sys.argv[3] if len(sys.argv) > 3 else ""
commands = {}
for line in open(log, encoding="utf-8"):
    try:
        message = json.loads(line).get("Message", "")
    except ValueError:
        continue
    match = re.match(r"Executed DbCommand \(([\d,]+)ms\) \[Parameters=.*?\], CommandType='Text', CommandTimeout='\d+'\]\n(.*)", message, re.S)
    if not match:
        continue
    ms, sql = int(match.group(1).replace(",", "")), match.group(2).strip()
    if needle and needle not in sql:
        continue
    count, slowest = commands.get(sql, (0, 0))
    commands[sql] = (count + 1, max(slowest, ms))

db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
for sql, (count, slowest) in sorted(commands.items(), key=lambda c: -c[1][1]):
    if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
        continue
    params = {name: None for name in re.findall(r"@(\w+)", sql)}
    print(f"=== slowest {slowest} ms, {count}x\n{sql}\n--- plan")
    try:
        for row in db.execute("EXPLAIN QUERY PLAN " + re.sub(r"@(\w+)", r":\1", sql), params):
            print("   ", row[3])
    except sqlite3.Error as error:
        print("    (no plan:", error, ")")
    print()
