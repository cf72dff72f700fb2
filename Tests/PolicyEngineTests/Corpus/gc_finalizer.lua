-- expect: runtime
-- message: global 'setmetatable'
local M = {}
function M.priority(ctx)
  setmetatable({}, { __gc = function() while true do end end })
end
return M
