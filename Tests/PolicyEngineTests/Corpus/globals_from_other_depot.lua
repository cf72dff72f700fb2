-- expect: decided
-- message: 
local M = {}
function M.priority(ctx)
  assert(leaked == nil and string.upper('a') == 'A') return { 1, 1 }
end
return M
