-- expect: decided
-- message: 
local M = {}
function M.priority(ctx)
  return { string.find(string.rep('a', 200000) .. '(.-)', '(.-)', 1, true), 1 }
end
return M
