-- Writes an execution's record and, in the same step, its entry in the index of recent
-- executions and the count of executions finished this minute (RedisResultStore, RecentIndex).
--
-- KEYS[1] the record               KEYS[2] the index: sorted set, member -> submission time (ms)
-- KEYS[3] the summaries: hash, member -> summary JSON
-- KEYS[4] this minute's finished executions: hash, status -> count
-- ARGV[1] the record (JSON)        ARGV[2] its time to live (ms)
-- ARGV[3] "create": nothing is written if the record exists; "replace"; "replace-if": nothing is
--         written unless the record is still ARGV[11] (what its writer read)
-- ARGV[4] the member               ARGV[5] its score (submission time, ms)
-- ARGV[6] the summary (JSON)       ARGV[7] the final status, or "" while not final
-- ARGV[8] the oldest score kept    ARGV[9] the most entries kept
-- ARGV[10] how long a minute's count is kept (s)
-- Returns 1, or 0 when nothing was written.
if ARGV[3] == 'create' then
  if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
    return 0
  end
elseif ARGV[3] == 'replace-if' then
  if redis.call('GET', KEYS[1]) ~= ARGV[11] then
    return 0
  end
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end

-- Counted once: when its summary says it was not final before (a redelivered job's result is
-- written again unchanged, a dead-lettered one only if it had none).
if ARGV[7] ~= '' then
  local previous = redis.call('HGET', KEYS[3], ARGV[4])
  local was = previous and cjson.decode(previous)['status']
  if not was or was == 'QUEUED' or was == 'RUNNING' then
    redis.call('HINCRBY', KEYS[4], ARGV[7], 1)
    redis.call('EXPIRE', KEYS[4], ARGV[10])
  end
end

redis.call('ZADD', KEYS[2], ARGV[5], ARGV[4])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[6])

local function drop(members)
  if #members > 0 then
    redis.call('ZREM', KEYS[2], unpack(members))
    redis.call('HDEL', KEYS[3], unpack(members))
  end
end
-- entries older than the records' time to live, a few at a time
drop(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[8], 'LIMIT', 0, 100))
-- past the bound, the oldest (a thousand at most at once: unpack has its limits)
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[9])
if excess > 0 then
  drop(redis.call('ZRANGE', KEYS[2], 0, math.min(excess, 1000) - 1))
end
-- an index nobody writes to any more goes with the last of its records
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
return 1
