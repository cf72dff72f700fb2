-- expect: runtime
-- message: global 'setmetatable'
local M = {}
function M.priority(ctx)
  setmetatable(_ENV, nil)
end
return M
