-- expect: runtime
-- message: global 'coroutine'
local M = {}
function M.priority(ctx)
  local co = coroutine.wrap(function() while true do end end) co()
end
return M
