-- bench/claims.lua at a fixed rate: each connection waits between requests so that all of them together
-- send RADPAIR_RATE requests/s (wrk's delay() per connection). For soak runs and latency at a set load.
dofile(os.getenv("RADPAIR_BENCH_DIR") .. "/claims.lua")
local rate = tonumber(os.getenv("RADPAIR_RATE") or "1000")
local connections = tonumber(os.getenv("RADPAIR_CONNECTIONS") or "16")

delay = function()
  return connections * 1000 / rate
end
