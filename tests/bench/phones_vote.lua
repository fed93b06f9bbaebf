-- wrk script for scripts/bench.sh: every wrk thread is one phone with its own session (a line of PHONE_TOKENS),
-- alternating a vote and its take-back on one idea, as fast as the server answers.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  local n = 0
  for line in io.lines(os.getenv("PHONE_TOKENS")) do
    n = n + 1
    if n == id then token = line end
  end
  idea = (id % tonumber(os.getenv("PHONE_IDEAS"))) + 1
  origin = os.getenv("PHONE_ORIGIN")
  cast = true
end

function request()
  local path = cast and "/api/vote" or "/api/retract"
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json", ["Origin"] = origin, ["Cookie"] = "ik_session=" .. token,
  }, '{"idea":' .. idea .. '}')
end

function response(status, headers, body)
  if status == 200 then cast = not cast end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("phones: %d requests in %.1f s: %.0f votes/s, p50 %.1f ms, p99 %.1f ms, " ..
    "errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect, e.read, e.write, e.timeout))
end
