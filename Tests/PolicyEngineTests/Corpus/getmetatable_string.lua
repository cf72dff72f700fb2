-- expect: runtime
-- message: global 'getmetatable'
local M = {}
function M.priority(ctx)
  getmetatable('').__index = {}
end
return M
