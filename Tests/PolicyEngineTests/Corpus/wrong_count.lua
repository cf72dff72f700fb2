-- expect: invalidOutput
-- message: expected 2 entries
local M = {}
function M.priority(ctx)
  return { 1 }
end
return M
