-- wrk script for scripts/bench/http.sh: sends GET requests whose targets cycle through a list of
-- paths (one per line, in the file given after `--`), so an answer cache keyed by request cannot
-- answer most of them. Thread k of T starts k/T of the way into the list, so the threads do not
-- send the same targets at the same time.
--   wrk -t2 -c64 -d10s --latency -s bench/http/rotate.lua http://127.0.0.1:PORT -- paths.txt 2
local created = 0

function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
end

local requests = {}
local position = 1

function init(args)
  local file = assert(io.open(args[1], "r"), "rotate.lua: cannot open the paths file " .. tostring(args[1]))
  for line in file:lines() do
    if line ~= "" then
      requests[#requests + 1] = wrk.format("GET", line)
    end
  end
  file:close()
  assert(#requests > 0, "rotate.lua: the paths file is empty")
  local thread_count = tonumber(args[2]) or 1
  local index = tonumber(thread_index) or 0
  position = math.floor(#requests * index / thread_count) % #requests + 1
end

function request()
  local r = requests[position]
  position = position % #requests + 1
  return r
end
