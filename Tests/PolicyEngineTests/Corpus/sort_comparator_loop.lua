-- expect: budget
-- message: instruction budget exhausted|wall-clock deadline exceeded
local M = {}
function M.priority(ctx)
  table.sort({3, 2, 1}, function(a, b) while true do end end)
end
return M
