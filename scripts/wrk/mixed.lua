-- The mixed load of scripts/bench (BENCH=load, issue 9 item 3), for
--   LOAD_PLAN=plan.txt wrk -t N -c N -s scripts/wrk/mixed.lua http://127.0.0.1:PORT
-- with as many threads as connections: each wrk thread then has exactly one connection, which
-- sends its next request only after the previous answer, so one thread is one user at work.
-- Thread i plays line i of the plan (lines are reused when there are more threads):
--   save <cookie> <csrf> <path>     a koordinator saving the answers of her own case, over and
--                                   over: PUT with the version the last answer gave (no two
--                                   connections share a case, so no 409 from a race); every save
--                                   changes the answers (one control answered or not), so every
--                                   save writes a new version and an audit entry
--   read <cookie> <path> [<path>…]  a leder or revisor reading reports, the paths in turn
-- A non-200 answer to a save makes the next request a GET of the case (to learn its version).
-- done() prints one line, "LOAD key=value …", that scripts/bench reads.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local function words(line)
  local out = {}
  for w in line:gmatch("%S+") do out[#out + 1] = w end
  return out
end

local kind, path, paths, headers, next_path
local version = 1
local flip = false
local refresh = false
local full, short

function init(args)
  local lines = {}
  for line in io.lines(os.getenv("LOAD_PLAN")) do
    if line:match("%S") then lines[#lines + 1] = line end
  end
  local w = words(lines[((id - 1) % #lines) + 1])
  kind = w[1]
  saves, saves_failed, reads, reads_failed = 0, 0, 0, 0
  if kind == "save" then
    path = w[4]
    headers = { ["Cookie"] = w[2], ["X-CSRF-Token"] = w[3], ["Content-Type"] = "application/json" }
    local answers = {}
    for _, p in ipairs({ { "SD-N0", 8 }, { "SD-K0", 7 }, { "SD-F0", 5 } }) do
      for i = 1, p[2] do
        answers[#answers + 1] = '{"kontrol":"' .. p[1] .. i .. '","svar":"korrekt"}'
      end
    end
    full = "[" .. table.concat(answers, ",") .. "]"
    table.remove(answers)
    short = "[" .. table.concat(answers, ",") .. "]"
  else
    headers = { ["Cookie"] = w[2] }
    paths = {}
    for i = 3, #w do paths[#paths + 1] = w[i] end
    next_path = id % #paths  -- readers start at different reports
  end
end

function request()
  if kind == "save" then
    if refresh then
      return wrk.format("GET", path, headers)
    end
    flip = not flip
    local body = '{"version":' .. version .. ',"svar":' .. (flip and short or full) .. "}"
    return wrk.format("PUT", path, headers, body)
  end
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path], headers)
end

function response(status, _, body)
  if kind == "save" then
    local v = body:match('"version":(%d+)')
    if status == 200 and v then version = tonumber(v) end
    if not refresh then
      saves = saves + 1
      if status ~= 200 then saves_failed = saves_failed + 1 end
    end
    refresh = status ~= 200
  else
    reads = reads + 1
    if status ~= 200 then reads_failed = reads_failed + 1 end
  end
end

function done(summary, latency, _)
  local s, sf, r, rf = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + (t:get("saves") or 0)
    sf = sf + (t:get("saves_failed") or 0)
    r = r + (t:get("reads") or 0)
    rf = rf + (t:get("reads_failed") or 0)
  end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "LOAD requests=%d seconds=%.1f rate=%.1f socket_errors=%d non_2xx=%d " ..
    "saves=%d saves_failed=%d reads=%d reads_failed=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    socket_errors, e.status, s, sf, r, rf, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
