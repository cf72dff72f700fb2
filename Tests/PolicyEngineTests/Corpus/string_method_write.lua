-- expect: runtime
-- message: attempt to index a string value
local M = {}
function M.priority(ctx)
  local s = '' s.upper = nil
end
return M
