-- expect: runtime
-- message: pattern too costly
local M = {}
function M.priority(ctx)
  for x in string.gmatch(string.rep('ab', 5000), '(a-)(b-)(a-)') do end
end
return M
