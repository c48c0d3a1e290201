-- wrk script: POSTs the same response set again and again; the body file is given as the first argument.
local body_file = nil

function init(args)
  body_file = args[1]
  local file = assert(io.open(body_file, "r"))
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.0f, p50 %.2f ms, p99 %.2f ms, non-2xx %d, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
