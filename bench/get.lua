-- wrk script for the baseline: plain GETs, with the same one-line summary as claims.lua.
done = function(summary, latency, requests)
  io.write(string.format("requests/s=%.0f p50=%.2fms p99=%.2fms p99.9=%.2fms errors(status)=%d non2xx\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, summary.errors.status))
end
