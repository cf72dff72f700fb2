-- expect: decided
-- message: 
local M = {}
local calls = 0
function M.priority(ctx)
  calls = calls + 1
  return { calls, calls }
end
return M
