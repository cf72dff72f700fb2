-- expect: budget
-- message: instruction budget exhausted|wall-clock deadline exceeded
local M = {}
function M.priority(ctx)
  pcall(function() while true do end end) return {1, 1}
end
return M
