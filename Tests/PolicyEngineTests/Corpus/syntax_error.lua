-- expect: compile
-- message: syntax_error.lua:6:
local M = {}
function M.priority(ctx)
  return {
end
return M
