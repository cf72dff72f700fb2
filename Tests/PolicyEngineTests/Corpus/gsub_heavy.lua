-- expect: runtime
-- message: pattern too costly
local M = {}
function M.priority(ctx)
  return string.gsub(string.rep('a', 10000), '(a+)+$', '')
end
return M
