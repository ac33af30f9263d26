-- wrk script for bench/database-outage.sh: posts claims with persist=true, writes the auditId of every
-- 200 to a file per thread (so the script can look each one up afterwards) and counts the statuses.
local token = os.getenv("RADPAIR_TOKEN")
local out = os.getenv("RADPAIR_ACKED_DIR")
local threads = {}
local thread_id = 0

setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

init = function(args)
  math.randomseed(os.time() * 100 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
  acked = io.open(out .. "/acked-" .. id .. ".txt", "w")
  statuses = {}
  counter = 0
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"claimId":"OUT%d-%d-%d","patient":{"id":"MRN-%d","sex":"F","birthDate":"1961-04-02"},' ..
    '"payer":{"id":"MEDICARE-JL","type":"MEDICARE"},"dateOfService":"2026-03-02","diagnoses":["R91.8","R05.9"],' ..
    '"lines":[{"cpt":"71260","modifiers":["26"],"diagnosisPointers":[1,2]}],' ..
    '"context":{"incidentalFindings":["R91.1"]}}',
    id, counter, math.random(1, 1000000000), counter % 500)
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 then
    local audit = string.match(body, '"auditId"%s*:%s*"([%x-]+)"')
    if audit then
      acked:write(audit, "\n")
    else
      statuses["200 without auditId"] = (statuses["200 without auditId"] or 0) + 1
    end
  elseif status ~= 503 then
    io.stderr:write("unexpected ", status, ": ", body, "\n")
  elseif headers["Retry-After"] == nil then
    statuses["503 without Retry-After"] = (statuses["503 without Retry-After"] or 0) + 1
  end
  acked:flush()
end

done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, tostring(status) .. "=" .. count)
  end
  table.sort(parts)
  io.write(string.format("responses: %s; socket errors: connect=%d read=%d write=%d timeout=%d; max latency %.0f ms\n",
    table.concat(parts, " "), summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency.max / 1000))
end
