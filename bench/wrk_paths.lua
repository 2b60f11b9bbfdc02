-- wrk script for bench/bench_careers.py: request the paths listed in a file, one per line.
--
--   wrk -t T -c C -d 15s -s bench/wrk_paths.lua http://127.0.0.1:PORT -- PATHS_FILE T [spread]
--
-- Thread n of T asks paths n, n+T, n+2T, ... (wrapping), so the threads together walk the list
-- once before any path comes again; with "spread" each thread starts further along the list.
-- done() prints one line the benchmark parses (latencies in microseconds):
--   WRK requests=… non2xx=… socket_errors=… p50=… p95=… max=… duration_us=…

local threads_made = 0

function setup(thread)
  thread:set("thread_number", threads_made)
  threads_made = threads_made + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  step = tonumber(args[2]) or 1
  position = thread_number
  if args[3] == "spread" then
    position = thread_number * math.floor(#paths / step)
  end
  wrk.headers["Accept-Language"] = "nl"
end

function request()
  local path = paths[(position % #paths) + 1]
  position = position + step
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d non2xx=%d socket_errors=%d p50=%d p95=%d max=%d duration_us=%d\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency.max, summary.duration))
end
