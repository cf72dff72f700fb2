-- expect: runtime
-- message: pattern too costly
local M = {}
function M.priority(ctx)
  return (string.rep('a', 5000)):match('(a*)*b')
end
return M
