-- wrk: POST a new applicant after another (each with an email of its own) to the sandbox,
-- with the key from the environment: the floor for an unthrottled bulk invite.
local key = os.getenv("RICKRUT_LOAD_KEY")
local threads = 0
local n = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function request()
  n = n + 1
  local body = string.format(
    '{"email":"wrk%d.%d@example.com","first_name":"First","last_name":"Last","opening":"software-engineer"}',
    tid, n)
  return wrk.format("POST", "/api/v1/applicants?api_key=" .. key,
    { ["Content-Type"] = "application/json" }, body)
end
