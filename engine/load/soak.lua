-- wrk script for the soak test: each connection sends a steady mix of requests, one every `pause` ms.
-- Arguments: the scoring body file, the profile body file, the pause in ms, case ids separated by commas, an
-- administration body file. Each connection works on its own rotation of the cases.
local requests = {}
local cases = {}
local pause = 10
local counter = 0

local function read(name)
  local file = assert(io.open(name, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  local responses = read(args[1])
  local profile = read(args[2])
  pause = tonumber(args[3])
  local administration = read(args[5])
  -- wrk.format uses the headers it is given instead of wrk.headers (which hold -H): merge them.
  local json = { ["Content-Type"] = "application/json" }
  for name, value in pairs(wrk.headers) do
    json[name] = value
  end
  requests = {
    wrk.format("POST", "/api/v1/instruments/bench-declarative/1.0.0/score", json, responses),
    wrk.format("POST", "/api/v1/instruments/bench-scripted/1.0.0/score", json, responses),
    wrk.format("POST", "/api/v1/profiles?limit=5", json, profile),
    wrk.format("GET", "/api/v1/occupations?q=infirm&lang=fr"),
    wrk.format("GET", "/api/v1/instruments?lang=fr"),
    wrk.format("GET", "/api/v1/instruments/riasec-interests/latest?lang=en"),
  }
  -- For every case: read it, read its profile, store an administration (one in three rounds).
  local case_requests = {}
  for id in string.gmatch(args[4], "[^,]+") do
    local case = "/api/v1/cases/" .. id
    table.insert(case_requests, {
      wrk.format("GET", case),
      wrk.format("GET", case .. "/profile"),
      wrk.format("POST", case .. "/administrations", json, administration),
    })
  end
  cases = case_requests
end

function request()
  counter = counter + 1
  -- Odd turns: scoring, profiles, occupations and the catalogue; even turns: a case.
  if counter % 2 == 1 then
    return requests[((counter - 1) / 2 % #requests) + 1]
  end
  local round = counter / 2
  local case = cases[(round % #cases) + 1]
  local which = (math.floor(round / #cases) % 3) + 1
  if which == 3 and math.random(3) > 1 then
    which = 1
  end
  return case[which]
end

function delay()
  return pause
end

-- The status of every answer that is not 2xx, counted per thread and summed in done(), so a failed soak says
-- what it got (a 503 while a package loads, a 409, a 500) instead of a bare count.
local threads = {}
statuses = {}

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d in %.0f s (%.0f/s), p50 %.2f ms, p99 %.2f ms, non-2xx %d, errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("  HTTP %d: %d\n", status, count))
  end
  if summary.errors.timeout > 0 or summary.errors.read > 0 or summary.errors.connect > 0 then
    io.write(string.format("  timeouts %d, read errors %d, connect errors %d, write errors %d\n",
      summary.errors.timeout, summary.errors.read, summary.errors.connect, summary.errors.write))
  end
end
