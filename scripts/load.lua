-- wrk: GET one of the sandbox's generated applicants after another (IDs 1000001..),
-- with the key from the environment.
local key = os.getenv("RICKRUT_LOAD_KEY")
local crowd = tonumber(os.getenv("RICKRUT_LOAD_CROWD") or "10000")
local n = 0
function setup(thread)
  thread:set("offset", math.random(0, crowd - 1))
end
function request()
  n = n + 1
  local id = 1000001 + ((offset + n) % crowd)
  return wrk.format("GET", "/api/v1/applicants/" .. id .. "?api_key=" .. key)
end
