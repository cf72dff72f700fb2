-- expect: runtime
-- message: pattern too long
local M = {}
function M.priority(ctx)
  return string.match('abc', string.rep('a?', 40))
end
return M
