-- expect: decided
-- message: 
local M = {}
function M.priority(ctx)
  local t = table.move({ 1, 2 }, 1, 2, 1, {})
  return t
end
return M
