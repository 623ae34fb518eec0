-- Withdraws an execution: its record and its entry in the index of recent executions.
-- KEYS[1] the record, KEYS[2] the index, KEYS[3] the summaries; ARGV[1] the member.
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
