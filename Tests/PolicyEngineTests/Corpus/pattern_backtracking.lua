-- expect: runtime
-- message: pattern too costly
local M = {}
function M.priority(ctx)
  return string.find(string.rep('a', 5000), '(.-)(.-)(.-)b')
end
return M
