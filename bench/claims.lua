-- wrk script: posts a rotating mix of realistic radiology claims, each with a claim id of its own
-- (so that persist=true records a new claim every time). The token comes from the environment.
local token = os.getenv("RADPAIR_TOKEN")
local counter = 0
local thread_id = 0

local claims = {
  { dx = '"R51.9"', lines = '{"cpt":"70450","modifiers":["26"],"diagnosisPointers":[1]}' },
  { dx = '"R91.8","R05.9"', lines = '{"cpt":"71260","modifiers":["26"],"diagnosisPointers":[1,2]},{"cpt":"71046","modifiers":["26"],"diagnosisPointers":[2]}' },
  { dx = '"Z12.31"', lines = '{"cpt":"77067","modifiers":["26"],"diagnosisPointers":[1]}' },
  { dx = '"R10.9","K80.20"', lines = '{"cpt":"74178","modifiers":["26"],"diagnosisPointers":[1,2]}' },
  { dx = '"M54.5"', lines = '{"cpt":"72148","modifiers":["26"],"diagnosisPointers":[1]}' },
  { dx = '"M25.561","M25.562"', lines = '{"cpt":"73721","modifiers":["RT"],"diagnosisPointers":[1]},{"cpt":"73721","modifiers":["LT"],"diagnosisPointers":[2]}' },
  { dx = '"G43.909","D33.0"', lines = '{"cpt":"70553","modifiers":["26"],"diagnosisPointers":[1,2]}' },
  { dx = '"Z13.820"', lines = '{"cpt":"77080","diagnosisPointers":[1]}' },
}

setup = function(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

init = function(args)
  -- A seed of its own for every run and thread: the same claim ids again would be idempotent replays.
  math.randomseed(os.time() * 100 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- Each thread has its own patients (5,000 each, seen again every 5,000 requests): with one shared sequence, wrk's
-- threads sent the same patient at the same moment, which the service records one after the other (the patient's
-- lock) and traffic of many patients rarely does. Measured: no change in (c) or in the soak's latency.
request = function()
  counter = counter + 1
  local claim = claims[(counter % #claims) + 1]
  local body = string.format(
    '{"claimId":"W%d-%d-%d","patient":{"id":"MRN-%d","sex":"F","birthDate":"1961-04-02"},' ..
    '"payer":{"id":"MEDICARE-JL","type":"MEDICARE"},"dateOfService":"2026-03-02","diagnoses":[%s],"lines":[%s]}',
    id, counter, math.random(1, 1000000000), (counter % 5000) * 16 + id, claim.dx, claim.lines)
  return wrk.format(nil, nil, nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s=%.0f p50=%.2fms p99=%.2fms p99.9=%.2fms errors(status)=%d non2xx\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, summary.errors.status))
end
