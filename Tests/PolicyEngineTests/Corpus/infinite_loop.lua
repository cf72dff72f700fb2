-- expect: budget
-- message: instruction budget exhausted|wall-clock deadline exceeded
local M = {}
function M.priority(ctx)
  while true do end
end
return M
