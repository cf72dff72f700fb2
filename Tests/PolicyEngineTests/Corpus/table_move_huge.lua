-- expect: runtime
-- message: table.move of more than 1000000 elements refused
local M = {}
function M.priority(ctx)
  table.move({}, 1, 1e9, 1, {})
end
return M
