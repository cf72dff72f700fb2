-- expect: memory
-- message: memory
local M = {}
function M.priority(ctx)
  local s = 'x' while true do s = s .. s end
end
return M
