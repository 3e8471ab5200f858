-- HTTP/1.1 pipelining for wrk, TechEmpower's plaintext method: every write carries `depth` copies of
-- the request (the URL's path with the -H headers), and wrk counts each response.
--   wrk ... -s benchmarks/pipeline.lua http://127.0.0.1:8080/plaintext -- 16
-- The depth is the first script argument (after the URL and `--`); default 16.

local batch

function init(args)
   local depth = tonumber(args[1] or "") or 16
   if depth < 1 or depth ~= math.floor(depth) then
      error("pipeline.lua: depth must be a positive integer, got " .. tostring(args[1]))
   end
   batch = string.rep(wrk.format(), depth)
end

function request()
   return batch
end
